import { acquireRateLimits, resetRateLimits } from '../../../../nodes/shared';

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

const twoPerSecond = { key: 'a', requests: 2, intervalMs: 1000 };

describe('acquireRateLimits', () => {
	it('lets `requests` calls through at once, then waits until the oldest leaves the window', async () => {
		const start = clock;
		await acquireRateLimits([twoPerSecond]);
		clock += 300;
		await acquireRateLimits([twoPerSecond]);
		expect(slept).toEqual([]);
		await acquireRateLimits([twoPerSecond]);
		expect(slept).toEqual([700]);
		expect(clock).toBe(start + 1000);
		// The second call (at +300) is now the oldest: the next waits until +1300.
		await acquireRateLimits([twoPerSecond]);
		expect(slept).toEqual([700, 300]);
	});

	it('frees a slot exactly one interval after it was taken', async () => {
		const one = { key: 'b', requests: 1, intervalMs: 1000 };
		await acquireRateLimits([one]);
		clock += 1000;
		await acquireRateLimits([one]);
		expect(slept).toEqual([]);
		clock += 999;
		await acquireRateLimits([one]);
		expect(slept).toEqual([1]);
	});

	it('waits for the fullest of several buckets and takes a slot in each', async () => {
		const perChat = { key: 'chat', requests: 1, intervalMs: 1000 };
		const perBot = { key: 'bot', requests: 3, intervalMs: 5000 };
		await acquireRateLimits([perChat, perBot]);
		await acquireRateLimits([perChat, perBot]);
		expect(slept).toEqual([1000]);
		await acquireRateLimits([perBot]);
		expect(slept).toEqual([1000]);
		// The bot bucket now holds 3 starts (at 0, +1000, +1000): the next waits until +5000.
		await acquireRateLimits([{ ...perChat, key: 'other-chat' }, perBot]);
		expect(slept).toEqual([1000, 4000]);
	});

	it('keeps buckets with different keys apart', async () => {
		const one = { requests: 1, intervalMs: 1000 };
		await acquireRateLimits([{ key: 'x', ...one }]);
		await acquireRateLimits([{ key: 'y', ...one }]);
		expect(slept).toEqual([]);
	});

	it('returns at once without limits', async () => {
		await acquireRateLimits([]);
		expect(slept).toEqual([]);
	});

	it('forgets buckets idle for over a minute once it holds 10 000 of them', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await acquireRateLimits([slow]);
		for (let i = 1; i < 10_000; i++) await acquireRateLimits([{ ...slow, key: `k${i}` }]);
		clock += 60_001;
		await acquireRateLimits([slow]);
		expect(slept).toEqual([]);
	});

	it('keeps a bucket used within the last minute even when it holds 10 000', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await acquireRateLimits([slow]);
		for (let i = 1; i < 10_000; i++) await acquireRateLimits([{ ...slow, key: `k${i}` }]);
		clock += 60_000;
		await acquireRateLimits([slow]);
		expect(slept).toEqual([60_000]);
	});

	it('does not forget idle buckets while it holds fewer than 10 000', async () => {
		const slow = { key: 'slow', requests: 1, intervalMs: 120_000 };
		await acquireRateLimits([slow]);
		for (let i = 1; i < 9_999; i++) await acquireRateLimits([{ ...slow, key: `k${i}` }]);
		clock += 60_001;
		await acquireRateLimits([slow]);
		expect(slept).toEqual([59_999]);
	});
});
