import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	checkWebhookSecret,
	forgetWebhookSecret,
	rememberWebhookSecret,
	SECRET_RECORD_KEY,
	type ExpectedSecret,
} from '../../../../nodes/shared';

const SECRET = 'registered-secret-0123456789abcdef';

/** A context with its own node static data, in production ("webhook") mode unless told. */
function contextOf(mode = 'webhook', data: IDataObject = {}) {
	return { data, getWorkflowStaticData: () => data, getMode: () => mode };
}

/** The slow path, counted: in production it must not run while a record matches. */
function credential(secret = SECRET, facts?: IDataObject) {
	const expected = jest.fn(async (): Promise<ExpectedSecret> => ({ secret, facts }));
	return expected;
}

describe('the remembered webhook secret (nodes/shared/webhook/secretDigest.ts)', () => {
	it('stores a salted digest and facts, never the secret in plain text or its bare hash', () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET, facts: { botId: '42' } });
		const record = context.data[SECRET_RECORD_KEY] as IDataObject;
		expect(record).toEqual({
			salt: expect.stringMatching(/^[0-9a-f]{32}$/),
			digest: expect.stringMatching(/^[0-9a-f]{64}$/),
			facts: { botId: '42' },
		});
		const stored = JSON.stringify(context.data);
		expect(stored).not.toContain(SECRET);
		expect(stored).not.toContain(createHash('sha256').update(SECRET).digest('hex'));
		// Another activation of the same secret elsewhere gets another salt: digests do not match.
		const other = contextOf();
		rememberWebhookSecret(other, { secret: SECRET });
		expect((other.data[SECRET_RECORD_KEY] as IDataObject).digest).not.toBe(record.digest);
	});

	it('keeps an unchanged record as it is (n8n then has nothing to save)', () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET, facts: { botId: '42' } });
		const first = context.data[SECRET_RECORD_KEY];
		rememberWebhookSecret(context, { secret: SECRET, facts: { botId: '42' } });
		expect(context.data[SECRET_RECORD_KEY]).toBe(first);
		rememberWebhookSecret(context, { secret: SECRET, facts: { botId: '43' } });
		expect(context.data[SECRET_RECORD_KEY]).not.toBe(first);
	});

	it('accepts the remembered secret without reading the credential, with its facts', async () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET, facts: { botId: '42' } });
		const expected = credential();
		expect(await checkWebhookSecret(context, SECRET, { expected })).toEqual({
			ok: true,
			facts: { botId: '42' },
		});
		expect(expected).not.toHaveBeenCalled();
	});

	it.each([
		['a wrong secret', 'x'.repeat(SECRET.length)],
		['the secret with a suffix', `${SECRET}x`],
		['no secret', undefined],
		['an empty secret', ''],
		['a secret that is not a string', ['array']],
	])('refuses %s without reading the credential', async (_label, received) => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET });
		const expected = credential();
		expect(await checkWebhookSecret(context, received, { expected })).toEqual({ ok: false });
		expect(expected).not.toHaveBeenCalled();
	});

	it('is the truth for registered secrets: a changed credential does not change it', async () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET });
		const newCredential = credential('secret-of-the-new-credential');
		expect((await checkWebhookSecret(context, SECRET, { expected: newCredential })).ok).toBe(true);
		expect(
			(
				await checkWebhookSecret(context, 'secret-of-the-new-credential', {
					expected: newCredential,
				})
			).ok,
		).toBe(false);
	});

	it('with refreshOnMismatch, a new credential’s token replaces the record; a wrong one does not', async () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET });
		const before = context.data[SECRET_RECORD_KEY];
		const rotated = credential('token-of-the-new-key');
		const refresh = { expected: rotated, refreshOnMismatch: true };

		expect(await checkWebhookSecret(context, 'wrong-token', refresh)).toEqual({ ok: false });
		expect(rotated).toHaveBeenCalledTimes(1);
		expect(context.data[SECRET_RECORD_KEY]).toBe(before);

		expect((await checkWebhookSecret(context, 'token-of-the-new-key', refresh)).ok).toBe(true);
		expect(context.data[SECRET_RECORD_KEY]).not.toBe(before);
		// The new token is now remembered: no credential read for it, and the old one is retired.
		rotated.mockClear();
		expect((await checkWebhookSecret(context, 'token-of-the-new-key', refresh)).ok).toBe(true);
		expect(rotated).not.toHaveBeenCalled();
		expect((await checkWebhookSecret(context, SECRET, refresh)).ok).toBe(false);
	});

	it('without a record (activated by an older version) reads the credential once, then remembers', async () => {
		const context = contextOf();
		const expected = credential(SECRET, { botId: '42' });
		expect(await checkWebhookSecret(context, 'wrong', { expected })).toEqual({ ok: false });
		expect(context.data[SECRET_RECORD_KEY]).toBeUndefined();

		expect(await checkWebhookSecret(context, SECRET, { expected })).toEqual({
			ok: true,
			facts: { botId: '42' },
		});
		expect(expected).toHaveBeenCalledTimes(2);
		expect(context.data[SECRET_RECORD_KEY]).toBeDefined();

		expect((await checkWebhookSecret(context, SECRET, { expected })).ok).toBe(true);
		expect(expected).toHaveBeenCalledTimes(2);
	});

	it('treats a damaged record as missing', async () => {
		const context = contextOf('webhook', {
			[SECRET_RECORD_KEY]: { salt: 'x', digest: 'not-hex', facts: {} },
		});
		const expected = credential();
		expect((await checkWebhookSecret(context, SECRET, { expected })).ok).toBe(true);
		expect(expected).toHaveBeenCalledTimes(1);
		expect((context.data[SECRET_RECORD_KEY] as IDataObject).digest).toMatch(/^[0-9a-f]{64}$/);
	});

	it('test webhooks (manual mode) always check the credential and write nothing', async () => {
		const production = contextOf();
		rememberWebhookSecret(production, { secret: 'old-secret' });
		const editor = contextOf('manual', production.data);
		const snapshot = JSON.stringify(production.data);
		const expected = credential();

		expect((await checkWebhookSecret(editor, SECRET, { expected })).ok).toBe(true);
		expect((await checkWebhookSecret(editor, 'old-secret', { expected })).ok).toBe(false);
		expect(expected).toHaveBeenCalledTimes(2);
		rememberWebhookSecret(editor, { secret: 'another' });
		forgetWebhookSecret(editor);
		expect(JSON.stringify(production.data)).toBe(snapshot);
	});

	it('an empty expected secret leaves no record and accepts nothing', async () => {
		const context = contextOf();
		rememberWebhookSecret(context, { secret: SECRET });
		rememberWebhookSecret(context, { secret: '' });
		expect(context.data[SECRET_RECORD_KEY]).toBeUndefined();
		expect((await checkWebhookSecret(context, '', { expected: credential('') })).ok).toBe(false);
	});

	it('deactivation forgets the record and nothing else', () => {
		const context = contextOf('trigger', { previousWebhook: { url: 'x' } });
		rememberWebhookSecret(context, { secret: SECRET });
		forgetWebhookSecret(context);
		expect(context.data).toEqual({ previousWebhook: { url: 'x' } });
	});
});
