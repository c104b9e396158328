import { pause } from '../../../../nodes/shared';

// sleep is recorded and moves the clock Date.now reads: the slices are asserted, not timed.
const slept: number[] = [];
let clock = 1_000;
let onSleep: (() => void) | undefined;
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		slept.push(ms);
		clock += ms;
		onSleep?.();
	}),
}));

beforeEach(() => {
	slept.length = 0;
	onSleep = undefined;
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

describe('pause, slice by slice', () => {
	it('sleeps in slices of at most 200 ms until the time is up', async () => {
		await pause(450);
		expect(slept).toEqual([200, 200, 50]);
	});

	it('sleeps once for a short pause, and not at all for 0 or a negative time', async () => {
		await pause(200);
		expect(slept).toEqual([200]);
		slept.length = 0;
		await pause(0);
		await pause(-50);
		expect(slept).toEqual([]);
	});

	it('stops at the first check after the signal aborts', async () => {
		const abort = new AbortController();
		onSleep = () => {
			if (slept.length === 2) abort.abort();
		};
		await pause(60_000, abort.signal);
		expect(slept).toEqual([200, 200]);
	});

	it('does not sleep when the signal is already aborted', async () => {
		const abort = new AbortController();
		abort.abort();
		await pause(60_000, abort.signal);
		expect(slept).toEqual([]);
	});

	it('waits the full time under a signal that never aborts', async () => {
		await pause(300, new AbortController().signal);
		expect(slept).toEqual([200, 100]);
	});
});
