import {
	exhaustedUntil,
	LIMIT_WINDOW_MS,
	noteAnswer,
	resetCallsLeft,
	waitBeforeCall,
} from '../../../../nodes/Omnidesk/helpers/callsLeft';

describe('api_calls_left memory', () => {
	beforeEach(() => resetCallsLeft());

	it('lets calls through while calls are left, or when the header is missing', () => {
		expect(exhaustedUntil({ api_calls_left: '12' }, 1000)).toBeUndefined();
		expect(exhaustedUntil({}, 1000)).toBeUndefined();
		noteAnswer('acct', { api_calls_left: '1', rate_limit_per_minute: '60' }, 1000);
		expect(waitBeforeCall('acct', 1000)).toBe(0);
	});

	it('waits retry_after seconds, or a full minute, once no calls are left', () => {
		expect(exhaustedUntil({ api_calls_left: '0', retry_after: '7' }, 1000)).toBe(8000);
		expect(exhaustedUntil({ api_calls_left: 0 }, 1000)).toBe(1000 + LIMIT_WINDOW_MS);
		noteAnswer('acct', { api_calls_left: '0', retry_after: '7' }, 1000);
		expect(waitBeforeCall('acct', 2000)).toBe(6000);
		expect(waitBeforeCall('other', 2000)).toBe(0);
		expect(waitBeforeCall('acct', 9000)).toBe(0);
	});
});
