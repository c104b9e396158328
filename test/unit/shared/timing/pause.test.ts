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
		// A 60 s pause that ignored the signal would outlast the test's own 20 s timeout.
		await waiting;
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
	});

	it('does not wait at all when the signal is already aborted', async () => {
		const abort = new AbortController();
		abort.abort();
		// Resolving at all (within the test's 20 s timeout) is the proof: the pause asked is 60 s.
		await expect(pause(60_000, abort.signal)).resolves.toBeUndefined();
	});
});
