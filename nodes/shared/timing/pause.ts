import { sleep } from 'n8n-workflow';

/** How soon an abort is noticed; short enough for deactivation, long enough to cost nothing. */
const ABORT_CHECK_MS = 200;

/**
 * Waits `ms`, or less when `signal` aborts. Never throws. Built on `sleep`, the one timer that
 * n8n-workflow exports in both 1.x and 2.x (2.x dropped the abortable variant), so it sleeps in short
 * slices and checks the signal between them.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + Math.max(0, ms);
	while (!signal?.aborted) {
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, ABORT_CHECK_MS));
	}
}
