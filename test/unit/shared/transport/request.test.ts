import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import {
	apiRequest,
	DEFAULT_RETRY_POLICY,
	providerRequest,
	resetRateLimits,
	type ApiRequest,
	type ProviderProfile,
	type RequestContext,
} from '../../../../nodes/shared';

// Waits are recorded, not slept; they move a clock that tests may hand to Date.now.
const slept: number[] = [];
let clock = 1_000_000;
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		slept.push(ms);
		clock += ms;
	}),
}));

const NODE: INode = {
	id: 'node-1',
	name: 'Probe',
	type: 'probe',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const PROFILE: ProviderProfile = { displayName: 'Probe', credentialType: 'probeApi' };

type Step = { statusCode: number; headers?: Record<string, unknown>; body?: unknown } | Error;

/** A context whose request helper answers with the given steps, one per call, and records the calls. */
function scripted(steps: Step[], node: INode = NODE) {
	const calls: Array<{ credentialType: string; options: Record<string, unknown> }> = [];
	const context: RequestContext = {
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: jest.fn(async (credentialType: string, options: object) => {
				calls.push({ credentialType, options: options as Record<string, unknown> });
				const step = steps.shift();
				if (!step) throw new Error('no more steps');
				if (step instanceof Error) throw step;
				return step;
			}) as unknown as RequestContext['helpers']['httpRequestWithAuthentication'],
		},
	};
	return { context, calls };
}

const codeError = (code: string) => Object.assign(new Error(code), { code });
const read: ApiRequest = { method: 'GET', url: '/things', idempotent: true };
const send: ApiRequest = { method: 'POST', url: '/send', idempotent: false, body: { a: 1 } };
/**
 * Every backoff at half its ceiling, so waits are exact. Not 1: source-map's quicksort picks its
 * pivot with Math.random, and a pivot always at the end overflows the stack when a stack trace is
 * mapped through Stryker's instrumented (large) source maps.
 */
const halfJitter = () => jest.spyOn(Math, 'random').mockReturnValue(0.5);

beforeEach(() => {
	slept.length = 0;
	resetRateLimits();
	halfJitter();
});
afterEach(() => jest.restoreAllMocks());

describe('providerRequest: what it asks n8n for', () => {
	it('asks for the full response with status errors ignored, as JSON, through the credential', async () => {
		const { context, calls } = scripted([
			{ statusCode: 200, headers: { a: '1' }, body: { ok: true } },
		]);
		const signal = new AbortController().signal;
		const response = await providerRequest.call(context, PROFILE, {
			...read,
			baseURL: 'http://x',
			qs: { q: 1 },
			headers: { h: 'v' },
			timeoutMs: 1234,
			abortSignal: signal,
		});
		expect(response).toEqual({ statusCode: 200, headers: { a: '1' }, body: { ok: true } });
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe('probeApi');
		expect(calls[0].options).toEqual({
			method: 'GET',
			url: '/things',
			baseURL: 'http://x',
			qs: { q: 1 },
			headers: { h: 'v' },
			body: undefined,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 1234,
			abortSignal: signal,
		});
	});

	it('asks for raw bytes for a binary download', async () => {
		const { context, calls } = scripted([{ statusCode: 200, body: Buffer.from('x') }]);
		await providerRequest.call(context, PROFILE, { ...read, binary: true });
		expect(calls[0].options).toMatchObject({ json: false, encoding: 'arraybuffer' });
	});

	it('does not set an encoding for JSON', async () => {
		const { context, calls } = scripted([{ statusCode: 200, body: {} }]);
		await providerRequest.call(context, PROFILE, read);
		expect(calls[0].options).not.toHaveProperty('encoding');
	});

	it('gives empty headers when n8n returns none', async () => {
		const { context } = scripted([{ statusCode: 204, body: '' }]);
		expect((await providerRequest.call(context, PROFILE, read)).headers).toEqual({});
	});

	it('apiRequest returns only the body', async () => {
		const { context } = scripted([{ statusCode: 200, body: { id: 7 } }]);
		expect(await apiRequest.call(context, PROFILE, read)).toEqual({ id: 7 });
	});
});

describe('providerRequest: retry rules', () => {
	it('keeps the documented default policy', () => {
		expect(DEFAULT_RETRY_POLICY).toEqual({
			maxAttempts: 4,
			baseDelayMs: 500,
			maxDelayMs: 8_000,
			maxRetryAfterMs: 60_000,
		});
	});

	it.each([500, 502, 503, 504])('retries a %i on a read with growing backoff', async (status) => {
		const { context, calls } = scripted([
			{ statusCode: status },
			{ statusCode: status },
			{ statusCode: 200, body: 'ok' },
		]);
		expect((await providerRequest.call(context, PROFILE, read)).body).toBe('ok');
		expect(calls).toHaveLength(3);
		expect(slept).toEqual([250, 500]);
	});

	it.each([501, 505, 400, 404])('does not retry a %i, even on a read', async (status) => {
		const { context, calls } = scripted([{ statusCode: status, body: { message: 'no' } }]);
		await expect(providerRequest.call(context, PROFILE, read)).rejects.toThrow(
			`Probe answered ${status}: no`,
		);
		expect(calls).toHaveLength(1);
	});

	it('gives up on a read after maxAttempts of 5xx, reporting the last answer', async () => {
		const { context, calls } = scripted([
			{ statusCode: 503 },
			{ statusCode: 503 },
			{ statusCode: 502, body: { message: 'last' } },
		]);
		await expect(
			providerRequest.call(context, PROFILE, { ...read, retry: { maxAttempts: 3 } }),
		).rejects.toThrow('Probe answered 502: last');
		expect(calls).toHaveLength(3);
		expect(slept).toEqual([250, 500]);
	});

	it('says why a 5xx on a send was not retried; says nothing of the kind for a 4xx', async () => {
		const five = scripted([{ statusCode: 500 }]);
		const error = await providerRequest.call(five.context, PROFILE, send).catch((e: unknown) => e);
		expect((error as NodeApiError).description).toMatch(
			/^It was not retried because the provider may already have processed it\./,
		);
		expect(five.calls).toHaveLength(1);
		const four = scripted([{ statusCode: 400 }]);
		const other = await providerRequest.call(four.context, PROFILE, send).catch((e: unknown) => e);
		expect((other as NodeApiError).description).not.toMatch(/not retried/);
		const readFail = scripted([{ statusCode: 500 }]);
		const last = await providerRequest
			.call(readFail.context, PROFILE, { ...read, retry: { maxAttempts: 1 } })
			.catch((e: unknown) => e);
		expect((last as NodeApiError).description ?? '').not.toMatch(/not retried/);
	});

	it('waits out a 429 for as long as asked, even on a send', async () => {
		const { context, calls } = scripted([
			{ statusCode: 429, body: { parameters: { retry_after: 3 } } },
			{ statusCode: 200, body: 'sent' },
		]);
		expect((await providerRequest.call(context, PROFILE, send)).body).toBe('sent');
		expect(calls).toHaveLength(2);
		expect(slept).toEqual([3000]);
	});

	it('backs off on a 429 that names no wait', async () => {
		const { context } = scripted([{ statusCode: 429 }, { statusCode: 429 }, { statusCode: 200 }]);
		await providerRequest.call(context, PROFILE, send);
		expect(slept).toEqual([250, 500]);
	});

	it('waits exactly the cap, and refuses one second more naming both', async () => {
		const atCap = scripted([{ statusCode: 429, body: { retry_after: 5 } }, { statusCode: 200 }]);
		await providerRequest.call(atCap.context, PROFILE, {
			...read,
			retry: { maxRetryAfterMs: 5000 },
		});
		expect(slept).toEqual([5000]);
		const over = scripted([{ statusCode: 429, body: { retry_after: 5.5 } }]);
		const error = await providerRequest
			.call(over.context, PROFILE, { ...read, retry: { maxRetryAfterMs: 5000 } })
			.catch((e: unknown) => e);
		expect((error as NodeApiError).description).toMatch(
			/^It asked to wait 6 s, longer than the 5 s this node waits\./,
		);
		expect(over.calls).toHaveLength(1);
	});

	it('reports a 429 that lasts through every attempt, counting them', async () => {
		const { context, calls } = scripted([
			{ statusCode: 429, body: { retry_after: 1 } },
			{ statusCode: 429, body: { retry_after: 1 } },
		]);
		const error = await providerRequest
			.call(context, PROFILE, { ...read, retry: { maxAttempts: 2 } })
			.catch((e: unknown) => e);
		expect((error as NodeApiError).description).toMatch(/^Still rate limited after 2 attempts\./);
		expect(calls).toHaveLength(2);
		expect(slept).toEqual([1000]);
	});

	it.each(['ECONNRESET', 'ETIMEDOUT', 'EPIPE'])(
		'retries a read whose connection failed (%s) but not a send',
		async (code) => {
			const readCall = scripted([codeError(code), { statusCode: 200, body: 'ok' }]);
			expect((await providerRequest.call(readCall.context, PROFILE, read)).body).toBe('ok');
			expect(slept).toEqual([250]);
			const sendCall = scripted([codeError(code)]);
			const error = await providerRequest
				.call(sendCall.context, PROFILE, send)
				.catch((e: unknown) => e);
			expect(sendCall.calls).toHaveLength(1);
			expect((error as NodeApiError).description).toMatch(/not retried because the provider may/);
		},
	);

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
		'retries a send that never arrived (%s), then says so without the may-have-arrived warning',
		async (code) => {
			const { context, calls } = scripted([codeError(code), codeError(code)]);
			const error = await providerRequest
				.call(context, PROFILE, { ...send, retry: { maxAttempts: 2 } })
				.catch((e: unknown) => e);
			expect(calls).toHaveLength(2);
			expect(slept).toEqual([250]);
			expect((error as NodeApiError).message).toMatch(/^Could not complete the request to Probe/);
			expect((error as NodeApiError).description).not.toMatch(/not retried/);
		},
	);

	it('does not retry an error without a network code, nor one with a numeric code', async () => {
		const plain = scripted([new Error('weird')]);
		await expect(providerRequest.call(plain.context, PROFILE, read)).rejects.toThrow('weird');
		expect(plain.calls).toHaveLength(1);
		const numeric = scripted([codeError('500')]);
		await expect(providerRequest.call(numeric.context, PROFILE, read)).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(numeric.calls).toHaveLength(1);
		expect(slept).toEqual([]);
	});

	it('reads a network code from an n8n error', async () => {
		const apiError = new NodeApiError(NODE, { message: 'x' }, { httpCode: 'ECONNRESET' });
		const { context, calls } = scripted([apiError, { statusCode: 200, body: 'ok' }]);
		expect((await providerRequest.call(context, PROFILE, read)).body).toBe('ok');
		expect(calls).toHaveLength(2);
	});

	it('does not retry a call its caller aborted, nor start one after', async () => {
		const controller = new AbortController();
		const { context, calls } = scripted([]);
		(context.helpers.httpRequestWithAuthentication as jest.Mock).mockImplementationOnce(
			async () => {
				controller.abort();
				throw codeError('ECONNRESET');
			},
		);
		await expect(
			providerRequest.call(context, PROFILE, { ...read, abortSignal: controller.signal }),
		).rejects.toBeInstanceOf(NodeOperationError);
		expect(slept).toEqual([]);
		expect(calls).toHaveLength(0);
		await expect(
			providerRequest.call(context, PROFILE, { ...read, abortSignal: controller.signal }),
		).rejects.toThrow();
		expect(context.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
	});

	it('fails a 200 that the profile reads as an error', async () => {
		const profile: ProviderProfile = {
			...PROFILE,
			bodyError: (r) => ((r.body as { ok?: boolean }).ok ? undefined : { message: 'not ok' }),
		};
		const bad = scripted([{ statusCode: 200, body: { ok: false } }]);
		await expect(providerRequest.call(bad.context, profile, read)).rejects.toThrow(
			'Probe answered 200: not ok',
		);
		const good = scripted([{ statusCode: 200, body: { ok: true } }]);
		expect((await providerRequest.call(good.context, profile, read)).body).toEqual({ ok: true });
	});

	it('takes 399 as success and 400 as failure', async () => {
		const ok = scripted([{ statusCode: 399, body: 'fine' }]);
		expect((await providerRequest.call(ok.context, PROFILE, read)).body).toBe('fine');
	});
});

describe('providerRequest: session refresh on 401', () => {
	const refreshing: ProviderProfile = { ...PROFILE, refreshesSessionOn401: true };

	it('reissues a 401 once with status errors on, so n8n refreshes the session', async () => {
		const { context, calls } = scripted([{ statusCode: 401 }, { statusCode: 200, body: 'ok' }]);
		expect((await providerRequest.call(context, refreshing, read)).body).toBe('ok');
		expect(calls).toHaveLength(2);
		expect(calls[1].options.ignoreHttpStatusErrors).toBe(false);
		expect(calls[1].options.returnFullResponse).toBe(true);
		expect(slept).toEqual([]);
	});

	it('does not refresh for a profile without sessions', async () => {
		const { context, calls } = scripted([{ statusCode: 401, body: { message: 'bad key' } }]);
		await expect(providerRequest.call(context, PROFILE, read)).rejects.toThrow(
			'Probe answered 401',
		);
		expect(calls).toHaveLength(1);
	});

	it('reports the status n8n raised when the refreshed call still fails', async () => {
		const stillUnauthorized = new NodeApiError(NODE, { message: 'x' }, { httpCode: '401' });
		const { context, calls } = scripted([{ statusCode: 401 }, stillUnauthorized]);
		const error = await providerRequest.call(context, refreshing, read).catch((e: unknown) => e);
		expect((error as NodeApiError).message).toMatch(/^Probe answered 401/);
		expect(calls).toHaveLength(2);
	});

	it('passes on an error without a status from the refreshed call', async () => {
		const { context } = scripted([{ statusCode: 401 }, new Error('refresh broke')]);
		await expect(providerRequest.call(context, refreshing, read)).rejects.toThrow('refresh broke');
	});

	it('refreshes only once per call', async () => {
		const { context, calls } = scripted([
			{ statusCode: 401 },
			{ statusCode: 503 },
			{ statusCode: 401, body: { message: 'again' } },
		]);
		await expect(providerRequest.call(context, refreshing, read)).rejects.toThrow(
			'Probe answered 401: again',
		);
		expect(calls).toHaveLength(3);
	});
});

describe('providerRequest: pacing buckets', () => {
	it('paces by credential id, and by node id when there is no credential', async () => {
		const profile: ProviderProfile = { ...PROFILE, rateLimit: { requests: 1, intervalMs: 60_000 } };
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		const withCredential: INode = { ...NODE, credentials: { probeApi: { id: 'c1', name: 'c' } } };
		await providerRequest.call(
			scripted([{ statusCode: 200 }], withCredential).context,
			profile,
			read,
		);
		// Another node on the same credential shares its bucket and has to wait.
		const sibling: INode = { ...withCredential, id: 'node-2' };
		await providerRequest.call(scripted([{ statusCode: 200 }], sibling).context, profile, read);
		expect(slept).toEqual([60_000]);
		// A node without a credential has its own bucket.
		await providerRequest.call(scripted([{ statusCode: 200 }]).context, profile, read);
		expect(slept).toEqual([60_000]);
	});
});

describe('providerRequest: rate-limit slots', () => {
	beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => clock));
	const perChat = { key: 'chat:1', requests: 1, intervalMs: 1000 };

	it('frees its slot when the call fails, so the next call is paced instead of blocked', async () => {
		const { context } = scripted([codeError('ECONNRESET'), { statusCode: 200, body: {} }]);
		await expect(
			providerRequest.call(context, PROFILE, { ...send, rateLimits: [perChat] }),
		).rejects.toThrow(/connection broke/);
		await providerRequest.call(context, PROFILE, { ...send, rateLimits: [perChat] });
		expect(slept).toEqual([1000]);
	});

	it('runs the interval from the answer, not from the start (the call arrived somewhere in between)', async () => {
		const { context } = scripted([
			{ statusCode: 200, body: {} },
			{ statusCode: 200, body: {} },
		]);
		const slow = context.helpers.httpRequestWithAuthentication as jest.Mock;
		const answer = slow.getMockImplementation() as (...args: unknown[]) => Promise<unknown>;
		slow.mockImplementation(async (...args: unknown[]) => {
			clock += 400;
			return await answer(...args);
		});
		await providerRequest.call(context, PROFILE, { ...send, rateLimits: [perChat] });
		await providerRequest.call(context, PROFILE, { ...send, rateLimits: [perChat] });
		expect(slept).toEqual([1000]);
	});
});
