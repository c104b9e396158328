import { timingSafeEqual } from 'crypto';

// The real primitive, wrapped so the constant-time tests below can see how it is called.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
const timingSafeEqualMock = jest.mocked(timingSafeEqual);
import { deriveWebhookToken, secretsEqual } from '../../../nodes/shared';

describe('webhook secrets', () => {
	it('compares secrets exactly', () => {
		expect(secretsEqual('abc', 'abc')).toBe(true);
		expect(secretsEqual('abd', 'abc')).toBe(false);
		expect(secretsEqual('abc ', 'abc')).toBe(false);
		expect(secretsEqual('', 'abc')).toBe(false);
		expect(secretsEqual(undefined, 'abc')).toBe(false);
		expect(secretsEqual(['abc'], 'abc')).toBe(false);
		// An empty expected secret must never match anything, not even an empty header.
		expect(secretsEqual('', '')).toBe(false);
	});

	it('derives stable, scoped, URL-safe tokens within Telegram’s secret_token alphabet', () => {
		const a = deriveWebhookToken('123:secret', 'wf1', 'node1');
		expect(a).toBe(deriveWebhookToken('123:secret', 'wf1', 'node1'));
		expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(deriveWebhookToken('123:secret', 'wf1', 'node2')).not.toBe(a);
		expect(deriveWebhookToken('123:other', 'wf1', 'node1')).not.toBe(a);
		// Scope parts are separated, so ('ab','c') and ('a','bc') differ.
		expect(deriveWebhookToken('s', 'ab', 'c')).not.toBe(deriveWebhookToken('s', 'a', 'bc'));
		expect(a).not.toContain('secret');
	});

	it('refuses to derive from an empty secret', () => {
		expect(() => deriveWebhookToken('', 'x')).toThrow(/credential secret/);
	});
});

describe('secretsEqual runs in constant time', () => {
	// Timing cannot be measured reliably on a shared machine, so the test pins the structure that
	// makes the comparison constant-time: every comparison, wherever the inputs differ and whatever
	// their lengths, ends in crypto.timingSafeEqual over two equal-length digests, and its answer is
	// the answer. An early-exit `===` (or a length check first) never reaches it and fails here.
	const pairs: Array<[string, string]> = [
		['abc', 'abc'],
		['xbc', 'abc'],
		['abx', 'abc'],
		['a', 'abcdefghijklmnop'],
		['abcdefghijklmnopqrstuvwxyz', 'abc'],
		['', 'abc'],
	];

	beforeEach(() => timingSafeEqualMock.mockClear());

	it.each(pairs)('compares %j with %j through timingSafeEqual on equal-length digests', (a, b) => {
		const spy = timingSafeEqualMock;
		const result = secretsEqual(a, b);
		expect(spy).toHaveBeenCalledTimes(1);
		const [left, right] = spy.mock.calls[0] as [Buffer, Buffer];
		expect(left.length).toBe(32);
		expect(right.length).toBe(32);
		expect(result).toBe(spy.mock.results[0].value);
		expect(result).toBe(a === b);
	});

	it('takes its answer from timingSafeEqual, not from a separate comparison', () => {
		timingSafeEqualMock.mockReturnValueOnce(false);
		expect(secretsEqual('same', 'same')).toBe(false);
	});
});
