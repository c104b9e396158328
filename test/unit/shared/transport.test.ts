import {
	NodeApiError,
	NodeConnectionTypes,
	type IAuthenticateGeneric,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

import {
	apiRequest,
	providerResponseOf,
	resetRateLimits,
	retryAfterOfError,
	type ApiRequest,
	type ProviderProfile,
} from '../../../nodes/shared';
import { SelartiApi } from '../../../credentials/SelartiApi.credentials';
import { FakeSelarti, FakeServer, faults } from '../../fakes';
import { NodeHarness } from '../../helpers';

// Waits are asserted, not slept: `sleep` advances a fake clock that Date.now() reads.
let clock = 1_800_000_000_000;
const slept: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		slept.push(ms);
		clock += ms;
	}),
}));

const API_KEY = 'k-very-secret-api-key';

class ProbeApi implements ICredentialType {
	name = 'probeApi';
	displayName = 'Probe API';
	documentationUrl = 'https://example.com';
	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};
}

/** A node that makes one request per item with the request spec found on the item. */
function probeNode(profile: ProviderProfile): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls the shared transport',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: profile.credentialType, required: true }],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const credentials = await this.getCredentials(profile.credentialType);
			const out: INodeExecutionData[] = [];
			for (const [itemIndex, item] of this.getInputData().entries()) {
				try {
					const request = {
						...(item.json as unknown as ApiRequest),
						baseURL: String(credentials.baseUrl),
						itemIndex,
					};
					const body = await apiRequest.call(this, profile, request);
					out.push({ json: { body: body as never }, pairedItem: { item: itemIndex } });
				} catch (error) {
					if (!this.continueOnFail()) throw error;
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				}
			}
			return [out];
		},
	};
}

const profile: ProviderProfile = { displayName: 'Probe', credentialType: 'probeApi' };
const send = (extra: Partial<ApiRequest> = {}) => ({
	json: {
		method: 'POST',
		url: '/send',
		body: { text: 'hi' },
		idempotent: false,
		...extra,
	} as never,
});
const read = (extra: Partial<ApiRequest> = {}) => ({
	json: { method: 'GET', url: '/read', idempotent: true, ...extra } as never,
});

describe('shared transport', () => {
	const server = new FakeServer();
	let baseUrl = '';
	const harness = (p: ProviderProfile = profile, continueOnFail = false) =>
		new NodeHarness(probeNode(p), {
			credentials: { probeApi: { baseUrl, apiKey: API_KEY } },
			credentialTypes: [new ProbeApi()],
			continueOnFail,
		});

	beforeAll(async () => {
		server.route('POST', '/send', () => ({ json: { ok: true, sent: 1 } }));
		server.route('GET', '/read', () => ({ json: { ok: true, read: 1 } }));
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		server.reset();
		slept.length = 0;
		resetRateLimits();
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
	});
	afterEach(() => jest.restoreAllMocks());

	it('sends through the credential and returns the body', async () => {
		const [out] = (await harness().execute([send()]))!;
		expect(out[0].json.body).toEqual({ ok: true, sent: 1 });
		expect(server.lastRequest()!.headers['x-api-key']).toBe(API_KEY);
	});

	it('waits out a 429 with Telegram-style parameters.retry_after, even for a send', async () => {
		server.failNext(
			'POST /send',
			faults.respond(429, {
				ok: false,
				error_code: 429,
				description: 'Too Many Requests: retry after 3',
				parameters: { retry_after: 3 },
			}),
		);
		const [out] = (await harness().execute([send()]))!;
		expect(out[0].json.body).toEqual({ ok: true, sent: 1 });
		expect(server.requestsTo('POST /send')).toHaveLength(2);
		expect(slept).toEqual([3000]);
	});

	it('waits out a 429 with a Retry-After header and with Omnidesk’s retry_after header', async () => {
		server.failNext('GET /read', faults.respond(429, {}, { 'Retry-After': '2' }));
		server.failNext('GET /read', faults.respond(429, {}, { retry_after: '5' }));
		const [out] = (await harness().execute([read()]))!;
		expect(out[0].json.body).toEqual({ ok: true, read: 1 });
		expect(slept).toEqual([2000, 5000]);
	});

	it('fails clearly instead of waiting longer than maxRetryAfterMs', async () => {
		server.failNext('POST /send', faults.respond(429, { retry_after: 3600 }));
		const error = await harness()
			.execute([send()])
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toMatch(/^Probe answered 429/);
		expect((error as NodeApiError).description).toMatch(/wait 3600 s/);
		expect(server.requestsTo('POST /send')).toHaveLength(1);
		expect(slept).toEqual([]);
	});

	// The promise is "waited out up to 60 s": both sides of the boundary, so raising or lowering the
	// cap (600 s, 30 s) fails a test.
	it('waits out exactly 60 s, the default cap', async () => {
		server.failNext('POST /send', faults.respond(429, { retry_after: 60 }));
		const [out] = (await harness().execute([send()]))!;
		expect(out[0].json.body).toEqual({ ok: true, sent: 1 });
		expect(slept).toEqual([60_000]);
	});

	it('refuses a 61 s wait, just over the default cap, without sending again', async () => {
		server.failNext('POST /send', faults.respond(429, { retry_after: 61 }));
		const error = (await harness()
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.description).toMatch(/wait 61 s, longer than the 60 s this node waits/);
		expect(server.requestsTo('POST /send')).toHaveLength(1);
		expect(slept).toEqual([]);
	});

	it('gives up after maxAttempts of 429s', async () => {
		server.failNext('GET /read', faults.respond(429, { retry_after: 1 }), 10);
		const error = (await harness()
			.execute([read({ retry: { maxAttempts: 3 } })])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.description).toMatch(/Still rate limited after 3 attempts/);
		// Callers that pace themselves (a polling loop) read the wait and the answer back from the error.
		expect(retryAfterOfError(error)).toBe(1000);
		expect(providerResponseOf(error)).toEqual({
			statusCode: 429,
			headers: {},
			body: { retry_after: 1 },
		});
		expect(retryAfterOfError(new Error('plain'))).toBeUndefined();
		expect(server.requestsTo('GET /read')).toHaveLength(3);
		expect(slept).toEqual([1000, 1000]);
	});

	it('retries a 5xx on an idempotent read with capped exponential backoff', async () => {
		server.failNext('GET /read', faults.respond(503, { message: 'busy' }), 2);
		const [out] = (await harness().execute([read()]))!;
		expect(out[0].json.body).toEqual({ ok: true, read: 1 });
		expect(server.requestsTo('GET /read')).toHaveLength(3);
		expect(slept).toHaveLength(2);
		expect(slept[0]).toBeLessThanOrEqual(500);
		expect(slept[1]).toBeLessThanOrEqual(1000);
	});

	it('never retries a 5xx on a send (it may have been processed)', async () => {
		server.failNext('POST /send', faults.respond(500, { message: 'internal error' }));
		const error = (await harness()
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Probe answered 500: internal error');
		expect(error.description).toMatch(/not retried/);
		expect(error.httpCode).toBe('500');
		expect(server.requestsTo('POST /send')).toHaveLength(1);
	});

	it('retries a dropped connection on a read but not on a send', async () => {
		server.failNext('GET /read', faults.drop());
		const [out] = (await harness().execute([read()]))!;
		expect(out[0].json.body).toEqual({ ok: true, read: 1 });
		expect(server.requestsTo('GET /read')).toHaveLength(2);

		server.failNext('POST /send', faults.drop());
		const error = (await harness()
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe(
			'Could not complete the request to Probe: the connection broke before an answer came.',
		);
		expect(error.description).toMatch(/Network error ECONNRESET/);
		expect(error.description).toMatch(/may already have received it/);
		expect(server.requestsTo('POST /send')).toHaveLength(1);
	});

	it('retries a send whose connection was refused (it never arrived), then reports it', async () => {
		const closed = new FakeServer();
		const closedUrl = await closed.start();
		await closed.stop();
		const h = new NodeHarness(probeNode(profile), {
			credentials: { probeApi: { baseUrl: closedUrl, apiKey: API_KEY } },
			credentialTypes: [new ProbeApi()],
		});
		const error = (await h
			.execute([send({ retry: { maxAttempts: 3 } })])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe(
			'Could not complete the request to Probe: the connection was refused.',
		);
		expect(error.description).toMatch(/Network error ECONNREFUSED/);
		expect(error.description).not.toMatch(/may already have received/);
		expect(slept).toHaveLength(2);
	});

	it('does not retry a request its caller aborted (a trigger being stopped)', async () => {
		server.failNext('GET /read', faults.hang());
		const outcome: string[] = [];
		const stoppable: INodeType = {
			description: {
				...probeNode(profile).description,
				name: 'stoppableProbe',
				group: ['trigger'],
				inputs: [],
			},
			async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
				const controller = new AbortController();
				const credentials = await this.getCredentials('probeApi');
				apiRequest
					.call(this, profile, {
						method: 'GET',
						url: '/read',
						baseURL: String(credentials.baseUrl),
						idempotent: true,
						abortSignal: controller.signal,
					})
					.then(() => outcome.push('answered'))
					.catch(() => outcome.push('aborted'));
				return { closeFunction: async () => controller.abort() };
			},
		};
		const run = await new NodeHarness(stoppable, {
			credentials: { probeApi: { baseUrl, apiKey: API_KEY } },
			credentialTypes: [new ProbeApi()],
		}).trigger();
		await server.waitForRequests('GET /read', 1);
		await run.close();
		for (let i = 0; i < 200 && outcome.length === 0; i++)
			await new Promise((resolve) => setTimeout(resolve, 10));
		expect(outcome).toEqual(['aborted']);
		expect(server.requestsTo('GET /read')).toHaveLength(1);
		expect(slept).toEqual([]);
	});

	it('maps a 4xx to the provider’s message with a hint, per item with continueOnFail, without secrets', async () => {
		server.failNext(
			'POST /send',
			faults.respond(400, { ok: false, description: 'Bad Request: chat not found' }),
		);
		const [out] = (await harness(profile, true).execute([send(), send()]))!;
		expect(out[0].json.error).toBe('Probe answered 400: Bad Request: chat not found');
		expect(out[1].json.body).toEqual({ ok: true, sent: 1 });

		server.failNext('POST /send', faults.respond(401, { message: 'invalid key' }));
		const error = (await harness()
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.description).toMatch(/Check the credential/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(JSON.stringify(error.toJSON?.())).not.toContain(API_KEY);
		expect(String(error.stack)).not.toContain(API_KEY);
	});

	it('uses the profile’s describeError and bodyError', async () => {
		const custom: ProviderProfile = {
			...profile,
			describeError: (r) => ({ message: `custom ${r.statusCode}`, hint: 'custom hint' }),
			bodyError: (r) =>
				(r.body as { ok?: boolean }).ok === false ? { message: 'ok was false' } : undefined,
		};
		server.failNext('POST /send', faults.respond(418, {}));
		const e1 = (await harness(custom)
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(e1.message).toBe('Probe answered 418: custom 418');
		expect(e1.description).toBe('custom hint');

		server.failNext('POST /send', faults.respond(200, { ok: false }));
		const e2 = (await harness(custom)
			.execute([send()])
			.catch((e: unknown) => e)) as NodeApiError;
		expect(e2.message).toBe('Probe answered 200: ok was false');
	});

	it('paces calls per credential and per extra bucket (per process)', async () => {
		const limited: ProviderProfile = { ...profile, rateLimit: { requests: 2, intervalMs: 1000 } };
		const started: number[] = [];
		server.route('GET', '/paced', () => {
			started.push(clock);
			return { json: { ok: true } };
		});
		await harness(limited).execute([
			read({ url: '/paced' }),
			read({ url: '/paced' }),
			read({ url: '/paced' }),
			read({ url: '/paced' }),
			read({ url: '/paced' }),
		]);
		expect(started.map((t) => t - started[0])).toEqual([0, 0, 1000, 1000, 2000]);

		started.length = 0;
		resetRateLimits();
		const perChat = { key: 'chat:42', requests: 1, intervalMs: 1000 };
		await harness().execute([
			read({ url: '/paced', rateLimits: [perChat] }),
			read({ url: '/paced', rateLimits: [perChat] }),
		]);
		expect(started[1] - started[0]).toBe(1000);
	});
});

describe('shared transport with a session token credential (Selarti API)', () => {
	const selarti = new FakeSelarti({ tasks: ['task-1'] });
	const sessionProfile: ProviderProfile = {
		displayName: 'Selarti',
		credentialType: 'selartiApi',
		refreshesSessionOn401: true,
	};
	beforeAll(async () => await selarti.start());
	afterAll(async () => await selarti.stop());

	it('reissues a 401 once through n8n’s own refresh, without a failed item', async () => {
		const h = new NodeHarness(probeNode(sessionProfile), {
			credentials: { selartiApi: { baseUrl: selarti.apiBaseUrl, apiKey: 'test-selarti-key' } },
			credentialTypes: [new SelartiApi()],
		});
		const body = { task_id: 'task-1', chat_id: 'telegram:1:2', text: 'hello' };
		const item = {
			json: { method: 'POST', url: '/wf/send_message', body, idempotent: false } as never,
		};
		await h.execute([item]);
		expect(selarti.tokensIssued).toBe(1);
		selarti.expireTokens();
		const [out] = (await h.execute([item]))!;
		expect(out[0].json.error).toBeUndefined();
		expect(selarti.tokensIssued).toBe(2);
		expect(selarti.sent).toHaveLength(2);
	});

	it('reports a key that stays unauthorized as a node error without the key in it', async () => {
		const h = new NodeHarness(probeNode(sessionProfile), {
			credentials: { selartiApi: { baseUrl: selarti.apiBaseUrl, apiKey: 'wrong-key' } },
			credentialTypes: [new SelartiApi()],
		});
		const error = (await h
			.execute([
				{ json: { method: 'POST', url: '/wf/send_message', body: {}, idempotent: false } as never },
			])
			.catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain('wrong-key');
	});
});
