import { acquireRateLimits, resetRateLimits } from '../../../../nodes/shared';
import type { RateLimit } from '../../../../nodes/shared';
import { rememberedCalls } from '../../../../nodes/shared/transport/rateLimiter';

// Waits are recorded and move the clock that Date.now reads; nothing really sleeps.
const slept: number[] = [];
let clock = 5_000_000;
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		slept.push(ms);
		clock += ms;
	}),
}));

beforeEach(() => {
	slept.length = 0;
	resetRateLimits();
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

/** A call that takes its slots and gets its answer at once (no latency on the mocked clock). */
const call = async (limits: Array<RateLimit & { key: string }>) =>
	(await acquireRateLimits(limits))();

const twoPerSecond = { key: 'a', requests: 2, intervalMs: 1000 };

describe('acquireRateLimits', () => {
	it('lets `requests` calls through at once, then waits until the oldest leaves the window', async () => {
		const start = clock;
		await call([twoPerSecond]);
		clock += 300;
		await call([twoPerSecond]);
		expect(slept).toEqual([]);
		await call([twoPerSecond]);
		expect(slept).toEqual([700]);
		expect(clock).toBe(start + 1000);
		// The second call (at +300) is now the oldest: the next waits until +1300.
		await call([twoPerSecond]);
		expect(slept).toEqual([700, 300]);
	});

	it('frees a slot exactly one interval after it was taken', async () => {
		const one = { key: 'b', requests: 1, intervalMs: 1000 };
		await call([one]);
		clock += 1000;
		await call([one]);
		expect(slept).toEqual([]);
		clock += 999;
		await call([one]);
		expect(slept).toEqual([1]);
	});

	it('waits for the fullest of several buckets and takes a slot in each', async () => {
		const perChat = { key: 'chat', requests: 1, intervalMs: 1000 };
		const perBot = { key: 'bot', requests: 3, intervalMs: 5000 };
		await call([perChat, perBot]);
		await call([perChat, perBot]);
		expect(slept).toEqual([1000]);
		await call([perBot]);
		expect(slept).toEqual([1000]);
		// The bot bucket now holds 3 starts (at 0, +1000, +1000): the next waits until +5000.
		await call([{ ...perChat, key: 'other-chat' }, perBot]);
		expect(slept).toEqual([1000, 4000]);
	});

	it('keeps buckets with different keys apart', async () => {
		const one = { requests: 1, intervalMs: 1000 };
		await call([{ key: 'x', ...one }]);
		await call([{ key: 'y', ...one }]);
		expect(slept).toEqual([]);
	});

	it('returns at once without limits', async () => {
		await call([]);
		expect(slept).toEqual([]);
	});

	it('forgets buckets idle for over a minute once it holds 10 000 of them', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await call([slow]);
		for (let i = 1; i < 10_000; i++) await call([{ ...slow, key: `k${i}` }]);
		clock += 60_001;
		await call([slow]);
		expect(slept).toEqual([]);
	});

	it('keeps a bucket used within the last minute even when it holds 10 000', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await call([slow]);
		for (let i = 1; i < 10_000; i++) await call([{ ...slow, key: `k${i}` }]);
		clock += 60_000;
		await call([slow]);
		expect(slept).toEqual([60_000]);
	});

	it('does not forget idle buckets while it holds fewer than 10 000', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await call([slow]);
		for (let i = 1; i < 9_999; i++) await call([{ ...slow, key: `k${i}` }]);
		clock += 60_001;
		await call([slow]);
		expect(slept).toEqual([59_999]);
	});

	it('counts a slot from when the answer came back, so a slow call and the next cannot land closer than the interval', async () => {
		const perChat = { key: 'chat', requests: 1, intervalMs: 1000 };
		const start = clock;
		const settled = await acquireRateLimits([perChat]);
		clock += 250; // the request took 250 ms: it reached the provider somewhere in there
		settled();
		await call([perChat]);
		expect(slept).toEqual([1000]);
		expect(clock).toBe(start + 1250);
	});

	it('keeps the slot of a call in flight until it settles, then the interval from there', async () => {
		const perChat = { key: 'chat', requests: 1, intervalMs: 1000 };
		const start = clock;
		const first = await acquireRateLimits([perChat]);
		let started = false;
		const second = acquireRateLimits([perChat]).then((settle) => {
			started = true;
			return settle;
		});
		// The slot is held by a call with no answer yet: the next cannot start, whatever the clock.
		for (let i = 0; i < 10; i++) await Promise.resolve();
		clock += 5000;
		for (let i = 0; i < 10; i++) await Promise.resolve();
		expect(started).toBe(false);
		expect(slept).toEqual([]);
		first();
		(await second)();
		expect(slept).toEqual([1000]);
		expect(clock).toBe(start + 6000);
	});

	it('settling twice changes nothing', async () => {
		const one = { key: 'one', requests: 1, intervalMs: 1000 };
		const settled = await acquireRateLimits([one]);
		settled();
		clock += 500;
		settled();
		await call([one]);
		expect(slept).toEqual([500]);
	});
});

describe('acquireRateLimits: what it remembers and how it waits', () => {
	it('forgets a call once its slot has expired, so a chat written to now and then costs no memory', async () => {
		const perChat = { key: 'sparse-chat', requests: 1, intervalMs: 1000 };
		for (let i = 0; i < 50; i++) {
			await call([perChat]);
			clock += 5000; // one message every five seconds: never two in one window
		}
		expect(slept).toEqual([]);
		expect(rememberedCalls('sparse-chat')).toBeLessThanOrEqual(1);
	});

	it('keeps only the calls that still hold a slot in a busy bucket', async () => {
		const perBot = { key: 'busy-bot', requests: 3, intervalMs: 1000 };
		for (let i = 0; i < 30; i++) {
			await call([perBot]);
			clock += 100;
		}
		expect(rememberedCalls('busy-bot')).toBeLessThanOrEqual(perBot.requests);
	});

	it('frees the slot that expires first, whatever order the calls started in', async () => {
		const twoPerSecond = { key: 'order', requests: 2, intervalMs: 1000 };
		const start = clock;
		const slow = await acquireRateLimits([twoPerSecond]);
		const fast = await acquireRateLimits([twoPerSecond]);
		clock += 100;
		fast(); // the later call answered first: its slot frees at +1100
		clock += 400;
		slow(); // the earlier one answered at +500: its slot frees at +1500
		await call([twoPerSecond]);
		expect(slept).toEqual([600]);
		expect(clock).toBe(start + 1100);
	});

	it('parks a call that waits for one in flight instead of spinning until it settles', async () => {
		const perChat = { key: 'parked', requests: 1, intervalMs: 1000 };
		const first = await acquireRateLimits([perChat]);
		const now = Date.now as jest.Mock;
		const second = acquireRateLimits([perChat]);
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const readsWhileParked = now.mock.calls.length;
		for (let i = 0; i < 200; i++) await Promise.resolve();
		// Parked: nothing ran while the first call was in flight (a spinning loop reads the clock each turn).
		expect(now.mock.calls.length).toBe(readsWhileParked);
		first();
		(await second)();
		expect(slept).toEqual([1000]);
	});
});
