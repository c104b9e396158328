export const sleep = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a value other than undefined, or throws with `describe()` (the
 * last state seen) once `timeoutMs` is over, so a failure says what was being waited for.
 */
export async function waitFor<T>(
	probe: () => Promise<T | undefined>,
	options: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${options.timeoutMs} ms: ${options.describe()}`);
		await sleep(options.intervalMs ?? 250);
	}
}
