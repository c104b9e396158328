/**
 * Capped exponential backoff with "full jitter": a random wait between 0 and
 * min(max, base · 2^(attempt-1)), so processes that failed together do not retry together.
 */
export function backoffDelayMs(
	attempt: number,
	baseMs: number,
	maxMs: number,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(random() * ceiling);
}
