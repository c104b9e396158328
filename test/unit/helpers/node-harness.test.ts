import {
	NodeApiError,
	NodeConnectionTypes,
	type IAuthenticateGeneric,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type ICredentialType,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { FakeSelarti } from '../../fakes/selarti';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../../fakes/telegram';
import { NodeHarness } from '../../helpers/node-harness';

/** A credential shaped like the Selarti one issue 3 asks for: key → session token, refreshed on 401. */
class TokenTestApi implements ICredentialType {
	name = 'tokenTestApi';
	displayName = 'Token Test API';
	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://selarti.com/api/1.1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/wf/auth`,
			body: { key: credentials.apiKey },
			json: true,
		})) as { response: { token: string } };
		return { sessionToken: answer.response.token };
	}
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/wf/add_target',
			method: 'POST',
			body: { task: 'task-1', target: '@probe' },
		},
		rules: [{ type: 'responseCode', properties: { value: 401, message: 'The API key is wrong' } }],
	};
}

const description = (extra: Partial<INodeTypeDescription>): INodeTypeDescription => ({
	displayName: 'Inline Node',
	name: 'inlineNode',
	group: ['transform'],
	version: [1, 2],
	description: 'A node for harness tests',
	defaults: { name: 'Inline Node' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'tokenTestApi', required: true }],
	properties: [],
	...extra,
});

/** Sends each item's text to the fake Selarti through httpRequestWithAuthentication. */
class SendNode implements INodeType {
	description = description({
		properties: [
			{ displayName: 'Task', name: 'taskId', type: 'string', default: 'task-1' },
			{
				displayName: 'Chat',
				name: 'chatId',
				type: 'string',
				default: '={{ $json.conversation.key }}',
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'A', value: 'a' },
					{ name: 'B', value: 'b' },
				],
				default: 'a',
			},
			{
				displayName: 'Only B',
				name: 'onlyB',
				type: 'string',
				default: 'bee',
				displayOptions: { show: { mode: ['b'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Prefix', name: 'prefix', type: 'string', default: '' }],
			},
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('tokenTestApi');
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			try {
				const prefix = this.getNodeParameter('options.prefix', i, '') as string;
				const answer = await this.helpers.httpRequestWithAuthentication.call(this, 'tokenTestApi', {
					method: 'POST',
					url: `${String(credentials.baseUrl)}/wf/send_message`,
					body: {
						task_id: this.getNodeParameter('taskId', i),
						chat_id: this.getNodeParameter('chatId', i),
						text: `${prefix}${String(item.json.text)}`,
					},
					json: true,
				});
				out.push({
					json: { answer, onlyB: this.getNodeParameter('onlyB', i, 'absent') },
					pairedItem: { item: i },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

class SecretWebhookNode implements INodeType {
	description = description({
		group: ['trigger'],
		inputs: [],
		credentials: [],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'inline' }],
		properties: [{ displayName: 'Secret', name: 'secret', type: 'string', default: 's3cret' }],
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getHeaderData()['x-secret'] !== this.getNodeParameter('secret')) {
			this.getResponseObject().status(403).json({ message: 'Forbidden' });
			return { noWebhookResponse: true };
		}
		const seen = this.getWorkflowStaticData('node');
		seen.count = ((seen.count as number | undefined) ?? 0) + 1;
		return {
			workflowData: [
				[{ json: { body: this.getBodyData(), query: this.getQueryData(), count: seen.count } }],
			],
		};
	}

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return (
					this.getWorkflowStaticData('node').registeredUrl === this.getNodeWebhookUrl('default')
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').registeredUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').registeredUrl;
				return true;
			},
		},
	};

	methods = {
		loadOptions: {
			async getColours(this: ILoadOptionsFunctions) {
				const secret = this.getCurrentNodeParameter('secret') as string;
				return [{ name: `Red (${secret})`, value: 'red' }];
			},
		},
	};
}

class TickTrigger implements INodeType {
	description = description({
		group: ['trigger'],
		inputs: [],
		credentials: [],
		properties: [{ displayName: 'Every (ms)', name: 'every', type: 'number', default: 20 }],
	});

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		let n = 0;
		const timer = setInterval(
			() => this.emit([this.helpers.returnJsonArray({ n: ++n })]),
			this.getNodeParameter('every') as number,
		);
		return { closeFunction: async () => clearInterval(timer) };
	}
}

describe('NodeHarness', () => {
	const selarti = new FakeSelarti({ tasks: ['task-1'] });
	beforeAll(async () => await selarti.start());
	afterAll(async () => await selarti.stop());
	beforeEach(() => selarti.reset());

	const sendHarness = (extra: ConstructorParameters<typeof NodeHarness>[1] = {}) =>
		new NodeHarness(new SendNode(), {
			credentials: { tokenTestApi: { baseUrl: selarti.apiBaseUrl, apiKey: 'test-selarti-key' } },
			credentialTypes: [new TokenTestApi()],
			...extra,
		});
	const item = (text: string) => ({ json: { text, conversation: { key: `telegram:1:${text}` } } });

	it('resolves defaults, displayOptions, dotted paths and expressions against the item', async () => {
		const harness = sendHarness({ parameters: { options: { prefix: '> ' } } });
		const [out] = (await harness.execute([item('hi')])) ?? [];
		expect(selarti.sent[0]).toMatchObject({
			chat_id: 'telegram:1:hi',
			text: '> hi',
			task_id: 'task-1',
		});
		// onlyB is hidden while mode = a, so it has no default and the fallback applies.
		expect(out[0].json.onlyB).toBe('absent');
		const [outB] = (await harness.execute([item('x')], { parameters: { mode: 'b' } })) ?? [];
		expect(outB[0].json.onlyB).toBe('bee');
	});

	it('fetches a token with preAuthentication and refreshes it after a 401, as n8n does', async () => {
		const harness = sendHarness();
		await harness.execute([item('one')]);
		expect(selarti.tokensIssued).toBe(1);
		const firstToken = harness.credentials.tokenTestApi.sessionToken;
		expect(firstToken).toEqual(expect.any(String));

		await harness.execute([item('two')]);
		expect(selarti.tokensIssued).toBe(1);

		selarti.expireTokens();
		const [out] = (await harness.execute([item('three')])) ?? [];
		expect(out[0].json.answer).toMatchObject({ status: 'success' });
		expect(selarti.tokensIssued).toBe(2);
		expect(harness.credentials.tokenTestApi.sessionToken).not.toBe(firstToken);
		expect(harness.credentialsHelper.refreshes).toEqual([
			{ type: 'tokenTestApi', expired: false },
			{ type: 'tokenTestApi', expired: true },
		]);
		expect(selarti.sent.map((m) => m.text)).toEqual(['one', 'two', 'three']);
		// The refused call and its retry both reached the server.
		expect(
			selarti.requestsTo('POST /api/1.1/wf/send_message').map((r) => r.fault ?? 'ok'),
		).toHaveLength(4);
	});

	it('wraps provider errors into NodeApiError with the status and the provider message', async () => {
		const harness = sendHarness({ parameters: { taskId: 'task-404' } });
		const error = await harness.execute([item('x')]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('400');
		// NodeApiError keeps the provider's message as its description.
		expect((error as NodeApiError).description).toContain('task-404');
		const [out] = (await harness.execute([item('x')], { continueOnFail: true })) ?? [];
		expect(out[0].json.error).toEqual(expect.any(String));
	});

	it('runs a credential test: OK with the right key, the rule message with a wrong one', async () => {
		const harness = sendHarness();
		expect(await harness.testCredential('tokenTestApi')).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await harness.testCredential('tokenTestApi', {
			baseUrl: selarti.apiBaseUrl,
			apiKey: 'nope',
		});
		// As in n8n 1.123: NodeApiError does not keep an Error as `cause` (a class-field quirk of
		// n8n-workflow's ExecutionBaseError), so the tester never reaches the responseCode rule and
		// reports NodeApiError's own 401 message instead.
		expect(wrong).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		expect(selarti.targets).toEqual([{ task: 'task-1', target: '@probe' }]);
	});

	it('runs webhook(): 403 through the response object, items otherwise, static data kept', async () => {
		const harness = new NodeHarness(new SecretWebhookNode(), {
			baseUrl: 'http://127.0.0.1:5678',
			mode: 'webhook',
		});
		const denied = await harness.webhook({ body: { a: 1 }, headers: { 'X-Secret': 'wrong' } });
		expect(denied.result).toEqual({ noWebhookResponse: true });
		expect(denied.response.statusCode).toBe(403);
		expect(denied.response.body).toEqual({ message: 'Forbidden' });
		await harness.webhook({ body: { a: 1 }, headers: { 'X-Secret': 's3cret' } });
		const accepted = await harness.webhook({
			body: { a: 2 },
			headers: { 'x-secret': 's3cret' },
			query: { t: 'q' },
		});
		expect(accepted.result.workflowData?.[0][0].json).toEqual({
			body: { a: 2 },
			query: { t: 'q' },
			count: 2,
		});
	});

	it('runs webhookMethods with the production URL and persistent static data', async () => {
		const harness = new NodeHarness(new SecretWebhookNode(), { webhookId: 'hook-id' });
		expect(harness.webhookUrl('default', { mode: 'trigger' })).toBe(
			'http://127.0.0.1:5678/webhook/hook-id/inline',
		);
		expect(harness.webhookUrl('default', { mode: 'manual' })).toBe(
			'http://127.0.0.1:5678/webhook-test/hook-id/inline',
		);
		expect(await harness.webhookMethod('checkExists')).toBe(false);
		expect(await harness.webhookMethod('create')).toBe(true);
		expect(await harness.webhookMethod('checkExists')).toBe(true);
		expect(harness.staticData['node:Inline Node']).toEqual({
			registeredUrl: 'http://127.0.0.1:5678/webhook/hook-id/inline',
		});
		await harness.webhookMethod('delete');
		expect(await harness.webhookMethod('checkExists')).toBe(false);
	});

	it('runs loadOptions with the current parameters', async () => {
		const harness = new NodeHarness(new SecretWebhookNode(), { parameters: { secret: 'abc' } });
		expect(await harness.loadOptions('getColours')).toEqual([{ name: 'Red (abc)', value: 'red' }]);
	});

	it('runs trigger(), collects emits and stops on close', async () => {
		const run = await new NodeHarness(new TickTrigger()).trigger();
		const emitted = await run.waitForEmit(3, 2000);
		await run.close();
		const count = run.emitted.length;
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(run.emitted.length).toBe(count);
		expect(emitted[0][0][0].json).toEqual({ n: 1 });
	});

	it('prepares and reads binary data in memory', async () => {
		class BinaryNode implements INodeType {
			description = description({ credentials: [], properties: [] });
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				const binary = await this.helpers.prepareBinaryData(Buffer.from('hello'), 'greeting.txt');
				const item = { json: {}, binary: { data: binary } };
				return [[item]];
			}
		}
		const harness = new NodeHarness(new BinaryNode());
		const [[out]] = (await harness.execute()) ?? [[]];
		expect(out.binary?.data).toMatchObject({
			mimeType: 'text/plain',
			fileName: 'greeting.txt',
			fileExtension: 'txt',
		});

		class ReadNode implements INodeType {
			description = description({ credentials: [], properties: [] });
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				this.helpers.assertBinaryData(0, 'data');
				const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');
				return [[{ json: { text: buffer.toString() } }]];
			}
		}
		const [[read]] = (await new NodeHarness(new ReadNode()).execute([out])) ?? [[]];
		expect(read.json.text).toBe('hello');
		await expect(new NodeHarness(new ReadNode()).execute([{ json: {} }])).rejects.toThrow(
			/No binary data/,
		);
	});

	it('applies an authenticate function (Telegram puts the token into the URL path)', async () => {
		const telegram = new FakeTelegram({ rateLimits: false });
		await telegram.start();
		try {
			class BotTestApi implements ICredentialType {
				name = 'botTestApi';
				displayName = 'Bot Test API';
				properties: INodeProperties[] = [
					{
						displayName: 'Token',
						name: 'accessToken',
						type: 'string',
						typeOptions: { password: true },
						default: '',
					},
					{
						displayName: 'Base URL',
						name: 'baseUrl',
						type: 'string',
						default: 'https://api.telegram.org',
					},
				];
				async authenticate(
					credentials: ICredentialDataDecryptedObject,
					options: IHttpRequestOptions,
				) {
					return {
						...options,
						url: `${String(credentials.baseUrl)}/bot${String(credentials.accessToken)}/${options.url}`,
					};
				}
				test: ICredentialTestRequest = { request: { url: 'getMe' } };
			}
			class GetMeNode implements INodeType {
				description = description({ credentials: [{ name: 'botTestApi', required: true }] });
				async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
					const me = await this.helpers.httpRequestWithAuthentication.call(this, 'botTestApi', {
						url: 'getMe',
						json: true,
					});
					return [[{ json: me }]];
				}
			}
			const harness = new NodeHarness(new GetMeNode(), {
				credentials: {
					botTestApi: { accessToken: DEFAULT_TELEGRAM_TOKEN, baseUrl: telegram.apiBaseUrl },
				},
				credentialTypes: [new BotTestApi()],
			});
			const [[out]] = (await harness.execute()) ?? [[]];
			expect(out.json).toMatchObject({ ok: true, result: { id: 123456789 } });
			expect(await harness.testCredential('botTestApi')).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const wrong = await harness.testCredential('botTestApi', {
				accessToken: '1:bad',
				baseUrl: telegram.apiBaseUrl,
			});
			expect(wrong.status).toBe('Error');
		} finally {
			await telegram.stop();
		}
	});
});
