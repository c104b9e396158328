/**
 * A sliding-window rate limiter for the fakes: at most `limit` hits per `windowMs` per key.
 * A sliding log (not a token bucket) because providers document their limits as "N per window"
 * and a test wants the exact moment the N+1-th call fails. The answer carries the seconds until
 * the oldest hit leaves the window, which is what providers put into retry_after.
 */

export interface RateLimitRule<Request> {
	/** A name that tests and error messages can refer to (e.g. "per-chat"). */
	name: string;
	limit: number;
	windowMs: number;
	/** The bucket a request counts against; undefined = this rule does not apply to it. */
	key: (request: Request) => string | undefined;
}

export type RateLimitVerdict =
	| { allowed: true }
	| { allowed: false; rule: string; key: string; retryAfterSeconds: number };

/** Keys with no hit inside the window are forgotten, so memory stays bounded by active keys. */
export class RateLimiter<Request> {
	private readonly hits = new Map<string, number[]>();

	constructor(
		private readonly rules: Array<RateLimitRule<Request>>,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Checks every rule, and only when all allow it records the hit in each: a refused call
	 * does not count, as with real providers (a 429 is answered before processing).
	 */
	take(request: Request): RateLimitVerdict {
		const now = this.now();
		const buckets: Array<{ id: string; log: number[] }> = [];
		for (const rule of this.rules) {
			const key = rule.key(request);
			if (key === undefined) continue;
			const id = `${rule.name}\u0000${key}`;
			const log = (this.hits.get(id) ?? []).filter((at) => at > now - rule.windowMs);
			if (log.length === 0) this.hits.delete(id);
			else this.hits.set(id, log);
			if (log.length >= rule.limit) {
				const waitMs = log[0] + rule.windowMs - now;
				return {
					allowed: false,
					rule: rule.name,
					key,
					retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
				};
			}
			buckets.push({ id, log });
		}
		for (const bucket of buckets) {
			bucket.log.push(now);
			this.hits.set(bucket.id, bucket.log);
		}
		return { allowed: true };
	}

	reset(): void {
		this.hits.clear();
	}
}
