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
