import { resetRateLimits } from '../../nodes/shared';

/** What every fake provider server offers (test/fakes). */
export interface StartableFake {
	start(): Promise<unknown>;
	stop(): Promise<void>;
	reset(): void;
}

/**
 * The fake provider's lifecycle for one test file: started once, stopped at the end, and before
 * each test reset together with the nodes' per-process rate limiters (pacing left over from the
 * previous test would slow the next one down, or hide a missing wait).
 */
export function useFakeProvider<Fake extends StartableFake>(fake: Fake): Fake {
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.reset();
		resetRateLimits();
	});
	return fake;
}
