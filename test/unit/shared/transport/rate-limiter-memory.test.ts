import { acquireRateLimits, resetRateLimits } from '../../../../nodes/shared';
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

const call = async (limit: { key: string; requests: number; intervalMs: number }) =>
	(await acquireRateLimits([limit]))();

describe('acquireRateLimits: what it remembers and how it waits', () => {
	it('forgets a call once its slot has expired, so a chat written to now and then costs no memory', async () => {
		const perChat = { key: 'sparse-chat', requests: 1, intervalMs: 1000 };
		for (let i = 0; i < 50; i++) {
			await call(perChat);
			clock += 5000; // one message every five seconds: never two in one window
		}
		expect(slept).toEqual([]);
		expect(rememberedCalls('sparse-chat')).toBeLessThanOrEqual(1);
	});

	it('keeps only the calls that still hold a slot in a busy bucket', async () => {
		const perBot = { key: 'busy-bot', requests: 3, intervalMs: 1000 };
		for (let i = 0; i < 30; i++) {
			await call(perBot);
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
		await call(twoPerSecond);
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
