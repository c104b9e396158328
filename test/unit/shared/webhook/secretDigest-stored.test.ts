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
const SALT = '00112233445566778899aabbccddeeff';

/** The record format already saved in n8n databases: sha256(salt, "\n", secret) in hex. */
const DIGEST = createHash('sha256').update(`${SALT}\n${SECRET}`, 'utf8').digest('hex');

/** Production mode; node static data apart from global static data, as n8n keeps them. */
function contextWith(record: unknown) {
	const node: IDataObject = { [SECRET_RECORD_KEY]: record as IDataObject };
	const global: IDataObject = {};
	return {
		node,
		global,
		getWorkflowStaticData: (type: string) => (type === 'node' ? node : global),
		getMode: () => 'webhook',
	};
}

const credential = () =>
	jest.fn(async (): Promise<ExpectedSecret> => ({ secret: SECRET, facts: { botId: '42' } }));

describe('the remembered webhook secret as stored in the database', () => {
	it('accepts a record saved by an earlier activation (the stored format is fixed)', async () => {
		const context = contextWith({ salt: SALT, digest: DIGEST, facts: { botId: '7' } });
		const expected = credential();
		expect(await checkWebhookSecret(context, SECRET, { expected })).toEqual({
			ok: true,
			facts: { botId: '7' },
		});
		expect(expected).not.toHaveBeenCalled();
	});

	it.each([
		['garbage before it', `zz${DIGEST}`],
		['garbage after it', `${DIGEST}zz`],
	])(
		'ignores a record whose digest has %s, and checks the credential instead',
		async (_label, digest) => {
			const context = contextWith({ salt: SALT, digest, facts: {} });
			const expected = credential();
			expect(await checkWebhookSecret(context, SECRET, { expected })).toEqual({
				ok: true,
				facts: { botId: '42' },
			});
			expect(expected).toHaveBeenCalledTimes(1);
		},
	);

	it.each([
		['null', null],
		['a string', 'salt:digest'],
	])('ignores a record that is %s', async (_label, record) => {
		const context = contextWith(record);
		const expected = credential();
		expect(await checkWebhookSecret(context, SECRET, { expected })).toEqual({
			ok: true,
			facts: { botId: '42' },
		});
		expect(expected).toHaveBeenCalledTimes(1);
	});

	it.each([
		['null', null],
		['a string', 'botId=7'],
	])('reads facts that are %s as no facts', async (_label, facts) => {
		const context = contextWith({ salt: SALT, digest: DIGEST, facts });
		expect(await checkWebhookSecret(context, SECRET, { expected: credential() })).toEqual({
			ok: true,
			facts: {},
		});
	});

	it("writes and removes the record in the node's static data, not the workflow's", () => {
		const context = contextWith(undefined);
		delete context.node[SECRET_RECORD_KEY];
		rememberWebhookSecret(context, { secret: SECRET });
		expect(context.node[SECRET_RECORD_KEY]).toEqual(
			expect.objectContaining({ salt: expect.any(String) }),
		);
		expect(context.global).toEqual({});
		forgetWebhookSecret(context);
		expect(context.node).toEqual({});
	});
});
