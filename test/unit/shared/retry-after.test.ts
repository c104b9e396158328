import { backoffDelayMs, retryAfterMs } from '../../../nodes/shared';

const response = (body: unknown, headers: Record<string, unknown> = {}) => ({
	statusCode: 429,
	headers,
	body,
});

describe('retryAfterMs', () => {
	it('reads Telegram parameters.retry_after', () => {
		expect(
			retryAfterMs(response({ ok: false, error_code: 429, parameters: { retry_after: 34 } })),
		).toBe(34_000);
	});
	it('reads a top-level retry_after in the body', () => {
		expect(retryAfterMs(response({ retry_after: '2' }))).toBe(2_000);
	});
	it('reads Retry-After in seconds and as an HTTP date', () => {
		expect(retryAfterMs(response(undefined, { 'retry-after': '5' }))).toBe(5_000);
		const now = Date.parse('2026-11-21T10:00:00Z');
		expect(
			retryAfterMs(response('', { 'retry-after': 'Sat, 21 Nov 2026 10:00:07 GMT' }), now),
		).toBe(7_000);
	});
	it('reads Omnidesk’s retry_after header', () => {
		expect(retryAfterMs(response({}, { retry_after: '12' }))).toBe(12_000);
	});
	it('prefers the body and ignores garbage', () => {
		expect(retryAfterMs(response({ parameters: { retry_after: 1 } }, { 'retry-after': '9' }))).toBe(
			1_000,
		);
		expect(
			retryAfterMs(response({ retry_after: 'soon' }, { 'retry-after': 'later' })),
		).toBeUndefined();
		expect(retryAfterMs(response(undefined))).toBeUndefined();
	});
	it('treats a negative or non-date Retry-After as absent, not as "now" (issue 15: "-5" read as the year -5)', () => {
		const now = Date.parse('2026-11-21T10:00:00Z');
		for (const value of ['-5', '-1', ' -5 ', '5 seconds', '1994-11-06', 'NaN']) {
			expect(retryAfterMs(response(undefined, { 'retry-after': value }), now)).toBeUndefined();
		}
		expect(retryAfterMs(response({ retry_after: -5 }), now)).toBeUndefined();
		expect(
			retryAfterMs(response(undefined, { 'retry-after': 'Sunday, 22-Nov-26 10:00:03 GMT' }), now),
		).toBe(86_403_000);
		expect(
			retryAfterMs(response(undefined, { 'retry-after': 'Fri, 20 Nov 2026 10:00:00 GMT' }), now),
		).toBe(0);
	});
});

describe('backoffDelayMs', () => {
	it('grows exponentially up to the cap, with full jitter', () => {
		expect(backoffDelayMs(1, 500, 8000, () => 1)).toBe(500);
		expect(backoffDelayMs(2, 500, 8000, () => 1)).toBe(1000);
		expect(backoffDelayMs(4, 500, 8000, () => 1)).toBe(4000);
		expect(backoffDelayMs(10, 500, 8000, () => 1)).toBe(8000);
		expect(backoffDelayMs(3, 500, 8000, () => 0)).toBe(0);
		expect(backoffDelayMs(3, 500, 8000, () => 0.5)).toBe(1000);
	});
});
