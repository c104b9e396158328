import { pause } from '../../../../nodes/shared';

describe('pause', () => {
	it('waits the time asked when nothing aborts it', async () => {
		const started = Date.now();
		await pause(300);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('returns soon after the signal aborts, long before the time asked (deactivation)', async () => {
		const abort = new AbortController();
		const started = Date.now();
		const waiting = pause(60_000, abort.signal);
		setTimeout(() => abort.abort(), 100);
		await waiting;
		expect(Date.now() - started).toBeLessThan(2_000);
	});

	it('does not wait at all when the signal is already aborted', async () => {
		const abort = new AbortController();
		abort.abort();
		const started = Date.now();
		await pause(60_000, abort.signal);
		expect(Date.now() - started).toBeLessThan(100);
	});
});
