import { RecentMap } from '../../shared';

/**
 * Omnidesk counts requests per minute per account and tells us how many are left in every answer
 * (`api_calls_left`, with `retry_after` when throttled). When an answer says none are left, the
 * next call from this process waits for the window to pass instead of burning a 429. The window's
 * exact end is not documented: `retry_after` when it comes with the answer, otherwise a full
 * minute. Per process and best effort (docs/architecture.md, "Queue mode"): a miss costs a 429,
 * which the transport waits out anyway.
 */
export const LIMIT_WINDOW_MS = 60_000;

const blockedUntil = new RecentMap<number>(1_000, LIMIT_WINDOW_MS * 2);

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === null ? undefined : String(first).trim();
}

/** Until when (epoch ms) calls should wait after this answer, or undefined if calls are left. */
export function exhaustedUntil(
	headers: Record<string, unknown>,
	now: number = Date.now(),
): number | undefined {
	const left = header(headers, 'api_calls_left');
	if (left === undefined || left === '' || Number(left) > 0 || !Number.isFinite(Number(left)))
		return undefined;
	const retryAfter = Number(header(headers, 'retry_after'));
	const waitMs =
		Number.isFinite(retryAfter) && retryAfter >= 0
			? Math.min(retryAfter * 1000, LIMIT_WINDOW_MS)
			: LIMIT_WINDOW_MS;
	return now + waitMs;
}

/** Remembers from an answer's headers whether the account has calls left this minute. */
export function noteAnswer(account: string, headers: Record<string, unknown>, now = Date.now()) {
	const until = exhaustedUntil(headers, now);
	if (until !== undefined) blockedUntil.set(account, until);
}

/** Milliseconds the next call for this account should wait (0 when calls are left). */
export function waitBeforeCall(account: string, now: number = Date.now()): number {
	const until = blockedUntil.get(account);
	if (until === undefined) return 0;
	if (until <= now) {
		blockedUntil.delete(account);
		return 0;
	}
	return until - now;
}

/** For tests: forget every account's state. */
export function resetCallsLeft(): void {
	blockedUntil.clear();
}
