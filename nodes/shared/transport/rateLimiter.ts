import { sleep } from 'n8n-workflow';

import type { RateLimit } from './types';

/**
 * Spaces calls so that no more than `requests` of them can *arrive at the provider* within any
 * `intervalMs`, per key. A call arrives somewhere between the moment it starts and the moment its
 * answer (or error) comes back, and only the provider's clock knows when. So a call holds its slot
 * while in flight and for `intervalMs` after it settled: whatever its latency, a call that starts
 * later cannot land inside the same window (a window counted from starts lets a slow call and a
 * fast one land closer than the interval, and Telegram answers 429 to exactly that).
 *
 * State is per process by design (docs/architecture.md, "Queue mode"): a fresh process starts with
 * an empty window, which at worst lets one extra burst through, and the provider's 429 (which the
 * transport waits out) covers that.
 */
interface Call {
	startedAt: number;
	/** When the answer or error came back; undefined while the call is in flight. */
	settledAt?: number;
}

const calls = new Map<string, Call[]>();
/** Waiting acquirers to wake when an in-flight call settles (its slot's expiry becomes known). */
const settleWaiters = new Set<() => void>();
const MAX_KEYS = 10_000;
const IDLE_MS = 60_000;

const inFlight = (call: Call) => call.settledAt === undefined;
const lastActivity = (call: Call) => call.settledAt ?? call.startedAt;

function forgetIdleKeys(now: number): void {
	if (calls.size < MAX_KEYS) return;
	for (const [key, log] of calls) {
		const last = log[log.length - 1];
		if (!last || (!log.some(inFlight) && now - lastActivity(last) > IDLE_MS)) calls.delete(key);
	}
}

/** The calls of `key` that still hold a slot at `now`, dropping the others. */
function holding(key: string, limit: RateLimit, now: number): Call[] {
	const log = (calls.get(key) ?? []).filter(
		(call) => inFlight(call) || (call.settledAt as number) + limit.intervalMs > now,
	);
	// Expired calls go even when none is left: a chat written to every few seconds never has two
	// calls in one window, and kept every call it ever made.
	if (log.length) calls.set(key, log);
	else calls.delete(key);
	return log;
}

/**
 * Milliseconds until this bucket has a free slot: 0 now, Infinity when only an in-flight call
 * can free one (its expiry is known once it settles).
 */
function waitFor(key: string, limit: RateLimit, now: number): number {
	const log = holding(key, limit, now);
	if (log.length < limit.requests) return 0;
	const expiries = log
		.map((call) => (inFlight(call) ? Infinity : (call.settledAt as number) + limit.intervalMs))
		.sort((a, b) => a - b);
	return expiries[log.length - limit.requests] - now;
}

async function untilSettled(): Promise<void> {
	await new Promise<void>((resolve) => settleWaiters.add(resolve));
}

/**
 * Waits until every bucket in `limits` has room, then takes one slot in each. Returns `settled`,
 * which the caller must call once the request's answer or error is back (in a `finally`): the
 * slots stay taken for `intervalMs` from then.
 */
export async function acquireRateLimits(
	limits: Array<RateLimit & { key: string }>,
): Promise<() => void> {
	if (limits.length === 0) return () => {};
	for (;;) {
		const now = Date.now();
		forgetIdleKeys(now);
		const wait = Math.max(...limits.map((limit) => waitFor(limit.key, limit, now)));
		if (wait <= 0) break;
		await (wait === Infinity ? untilSettled() : sleep(wait));
	}
	const call: Call = { startedAt: Date.now() };
	for (const limit of limits) {
		const log = calls.get(limit.key) ?? [];
		log.push(call);
		calls.set(limit.key, log);
	}
	return () => {
		if (call.settledAt !== undefined) return;
		call.settledAt = Math.max(Date.now(), call.startedAt);
		const waiters = [...settleWaiters];
		settleWaiters.clear();
		for (const wake of waiters) wake();
	};
}

/** For tests: forget every window. */
export function resetRateLimits(): void {
	calls.clear();
	for (const wake of settleWaiters) wake();
	settleWaiters.clear();
}

/** For tests: how many calls `key` remembers (memory must not grow with every call ever made). */
export function rememberedCalls(key: string): number {
	return calls.get(key)?.length ?? 0;
}
