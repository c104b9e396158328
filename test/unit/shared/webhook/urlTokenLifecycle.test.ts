import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import {
	checkWebhookSecret,
	SECRET_RECORD_KEY,
	urlTokenWebhookMethods,
	type UrlTokenLifecycleSettings,
} from '../../../../nodes/shared';

const PATH = 'replies';
const API_KEY = 'the-api-key';
/** A stand-in derivation: what matters is that the record holds the token of this key and path. */
const token = (apiKey: string, path: string) => `token(${apiKey},${path})`;

/** The few IHookFunctions members the lifecycle uses, with the node's static data exposed. */
function hookContext(mode = 'webhook') {
	const data: IDataObject = {};
	const context = {
		getNode: () => ({ id: 'n1', name: 'Trigger', type: 'test.trigger', typeVersion: 1 }),
		getNodeParameter: (name: string, fallback: unknown) => (name === 'path' ? PATH : fallback),
		getWorkflowStaticData: () => data,
		getMode: () => mode,
	};
	return { data, context: context as unknown as IHookFunctions };
}

function lifecycle(apiKey: () => Promise<string>, onActivate?: jest.Mock) {
	const settings: UrlTokenLifecycleSettings = {
		apiKey,
		token,
		credentialName: 'Example credential',
		onActivate,
	};
	const methods = urlTokenWebhookMethods(settings).default;
	return {
		checkExists: (context: IHookFunctions) => methods.checkExists.call(context),
		create: (context: IHookFunctions) => methods.create.call(context),
		delete: (context: IHookFunctions) => methods.delete.call(context),
	};
}

describe('the URL-token trigger lifecycle (nodes/shared/webhook/urlTokenLifecycle.ts)', () => {
	it('registers nothing outside n8n, so create runs on every activation', async () => {
		const { context } = hookContext();
		expect(await lifecycle(async () => API_KEY).checkExists(context)).toBe(false);
	});

	it('remembers the digest of the token for this key and path, so webhook() reads no credential', async () => {
		const { context, data } = hookContext();
		const onActivate = jest.fn();
		expect(await lifecycle(async () => API_KEY, onActivate).create(context)).toBe(true);
		expect(onActivate).toHaveBeenCalledTimes(1);
		expect(onActivate).toHaveBeenCalledWith(context);
		expect(JSON.stringify(data)).not.toContain(token(API_KEY, PATH));
		const credential = jest.fn();
		expect(
			await checkWebhookSecret(context, token(API_KEY, PATH), { expected: credential }),
		).toMatchObject({ ok: true });
		expect(credential).not.toHaveBeenCalled();
		expect(
			await checkWebhookSecret(context, token(API_KEY, 'other-path'), {
				expected: async () => ({ secret: token(API_KEY, PATH) }),
			}),
		).toEqual({ ok: false });
	});

	it('fails activation naming the credential when it has no API key, and remembers nothing', async () => {
		const { context, data } = hookContext();
		const onActivate = jest.fn();
		const activation = lifecycle(async () => '', onActivate).create(context);
		await expect(activation).rejects.toBeInstanceOf(NodeOperationError);
		await expect(activation).rejects.toMatchObject({
			message: 'The Example credential has no API key',
			description: 'The webhook URL token is derived from it: set the key in the credential.',
		});
		expect(onActivate).not.toHaveBeenCalled();
		expect(data).toEqual({});
	});

	it("fails activation with the credential's own error when it cannot be read", async () => {
		const { context, data } = hookContext();
		const unreadable = new Error('Credentials could not be decrypted');
		await expect(
			lifecycle(async () => {
				throw unreadable;
			}).create(context),
		).rejects.toBe(unreadable);
		expect(data).toEqual({});
	});

	it('forgets the digest on deactivation', async () => {
		const { context, data } = hookContext();
		const methods = lifecycle(async () => API_KEY);
		await methods.create(context);
		expect(data[SECRET_RECORD_KEY]).toBeDefined();
		expect(await methods.delete(context)).toBe(true);
		expect(data).toEqual({});
	});
});
