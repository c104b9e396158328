import { sleep } from 'n8n-workflow';

import type { RateLimit } from './types';

/**
 * Spaces calls so that no more than `requests` start within any `intervalMs` window, per key.
 * State is per process by design (docs/architecture.md, "Queue mode"): a fresh process starts with an
 * empty window, which at worst lets one extra burst through, and the provider's 429 (which the
 * transport waits out) covers that.
 */
const windows = new Map<string, number[]>();
const MAX_KEYS = 10_000;

function forgetIdleKeys(now: number): void {
	if (windows.size < MAX_KEYS) return;
	for (const [key, starts] of windows) {
		if (starts.length === 0 || now - starts[starts.length - 1] > 60_000) windows.delete(key);
	}
}

/** Milliseconds to wait before a call may start under this limit; records the start if 0. */
function reserve(key: string, limit: RateLimit, now: number): number {
	const starts = windows.get(key) ?? [];
	while (starts.length && now - starts[0] >= limit.intervalMs) starts.shift();
	if (starts.length < limit.requests) {
		starts.push(now);
		windows.set(key, starts);
		return 0;
	}
	return starts[0] + limit.intervalMs - now;
}

/** Waits until every bucket in `limits` has room, then takes one slot in each. */
export async function acquireRateLimits(limits: Array<RateLimit & { key: string }>): Promise<void> {
	if (limits.length === 0) return;
	for (;;) {
		const now = Date.now();
		forgetIdleKeys(now);
		const waits = limits.map((limit) => {
			const starts = windows.get(limit.key) ?? [];
			const live = starts.filter((t) => now - t < limit.intervalMs);
			return live.length < limit.requests ? 0 : live[0] + limit.intervalMs - now;
		});
		const wait = Math.max(...waits);
		if (wait <= 0) {
			for (const limit of limits) reserve(limit.key, limit, now);
			return;
		}
		await sleep(wait);
	}
}

/** For tests: forget every window. */
export function resetRateLimits(): void {
	windows.clear();
}
