import { backoffDelayMs, retryAfterMs } from '../../../../nodes/shared';

const answer = (body: unknown, headers: Record<string, unknown> = {}) => ({
	statusCode: 429,
	headers,
	body,
});

describe('retryAfterMs at its edges', () => {
	it.each<[string, unknown, number | undefined]>([
		['0 seconds', 0, 0],
		['fractional seconds', 1.5, 1500],
		['a numeric string', '3', 3000],
		['a negative number', -1, undefined],
		['infinity', Infinity, undefined],
		['a blank string', '  ', undefined],
		['an empty string', '', undefined],
		['a boolean', true, undefined],
	])('reads %s in the body', (_label, value, expected) => {
		expect(retryAfterMs(answer({ retry_after: value }))).toBe(expected);
	});

	it('falls back from an unreadable parameters.retry_after to the top-level one', () => {
		expect(retryAfterMs(answer({ parameters: { retry_after: 'x' }, retry_after: 4 }))).toBe(4000);
	});

	it('reads the headers when the body is text', () => {
		expect(retryAfterMs(answer('Too Many Requests', { 'retry-after': '6' }))).toBe(6000);
	});

	it('reads the first value of a repeated header, and nothing from an empty list', () => {
		expect(retryAfterMs(answer(undefined, { 'retry-after': ['7', '9'] }))).toBe(7000);
		expect(retryAfterMs(answer(undefined, { 'retry-after': [] }))).toBeUndefined();
		expect(retryAfterMs(answer(undefined, { 'retry-after': [], retry_after: '2' }))).toBe(2000);
	});

	it('ignores a null header', () => {
		expect(retryAfterMs(answer(undefined, { 'retry-after': null }))).toBeUndefined();
		expect(retryAfterMs(answer(undefined, { retry_after: null }))).toBeUndefined();
	});

	it('waits 0 for an HTTP date already past, never a negative time', () => {
		const now = Date.parse('2026-11-21T10:00:10Z');
		expect(
			retryAfterMs(answer(undefined, { 'retry-after': 'Sat, 21 Nov 2026 10:00:07 GMT' }), now),
		).toBe(0);
	});

	it('measures an HTTP date from the real clock by default', () => {
		const spy = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-21T10:00:00Z'));
		try {
			expect(
				retryAfterMs(answer(undefined, { 'retry-after': 'Sat, 21 Nov 2026 10:00:05 GMT' })),
			).toBe(5000);
		} finally {
			spy.mockRestore();
		}
	});

	it('falls back to Omnidesk’s header when Retry-After is neither seconds nor a date', () => {
		expect(retryAfterMs(answer(undefined, { 'retry-after': 'soon', retry_after: '8' }))).toBe(8000);
	});
});

describe('backoffDelayMs at its edges', () => {
	it('treats attempt 0 or below like the first attempt', () => {
		expect(backoffDelayMs(0, 500, 8000, () => 1)).toBe(500);
		expect(backoffDelayMs(-3, 500, 8000, () => 1)).toBe(500);
	});

	it('never exceeds the cap, even on the first attempt', () => {
		expect(backoffDelayMs(1, 500, 300, () => 1)).toBe(300);
	});

	it('rounds the jittered wait to whole milliseconds', () => {
		expect(backoffDelayMs(1, 3, 100, () => 0.5)).toBe(2);
		expect(backoffDelayMs(1, 3, 100, () => 0.4)).toBe(1);
	});

	it('uses Math.random by default', () => {
		const spy = jest.spyOn(Math, 'random').mockReturnValue(0.25);
		try {
			expect(backoffDelayMs(3, 500, 8000)).toBe(500);
		} finally {
			spy.mockRestore();
		}
	});
});
