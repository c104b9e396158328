import { retryAfterMs } from '../../../../nodes/shared';

const NOW = Date.parse('2026-12-01T03:00:00Z');

describe('retryAfterMs: bodies and headers it must not stumble on', () => {
	it('reads the header when the body is null (an empty JSON answer)', () => {
		expect(
			retryAfterMs({ statusCode: 429, headers: { 'retry-after': '3' }, body: null }, NOW),
		).toBe(3000);
	});

	it('reads the header when the body is plain text', () => {
		expect(
			retryAfterMs(
				{ statusCode: 429, headers: { 'retry-after': '2' }, body: 'Too Many Requests' },
				NOW,
			),
		).toBe(2000);
	});

	it('reads an HTTP date with whitespace around it', () => {
		const date = ' Tue, 01 Dec 2026 03:00:05 GMT ';
		expect(retryAfterMs({ statusCode: 503, headers: { 'retry-after': date }, body: {} }, NOW)).toBe(
			5000,
		);
	});
});
