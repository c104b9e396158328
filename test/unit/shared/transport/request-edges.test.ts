import { NodeApiError, type INode } from 'n8n-workflow';

import {
	providerRequest,
	resetRateLimits,
	type ApiRequest,
	type ProviderProfile,
	type RequestContext,
} from '../../../../nodes/shared';

// Edges of providerRequest that request.test.ts leaves open (mutants that survived it): how an
// error's code is found, what a failed session refresh reports, and whose bucket paces a call.
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
const read: ApiRequest = { method: 'GET', url: '/things', idempotent: true };

type Step = { statusCode: number; body?: unknown } | Error;

/** A context whose request helper answers with the given steps, one per call. */
function scripted(steps: Step[], node: INode = NODE) {
	let calls = 0;
	const context: RequestContext = {
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: jest.fn(async () => {
				calls++;
				const step = steps.shift();
				if (!step) throw new Error('no more steps');
				if (step instanceof Error) throw step;
				return step;
			}) as unknown as RequestContext['helpers']['httpRequestWithAuthentication'],
		},
	};
	return { context, calls: () => calls };
}

beforeEach(() => {
	slept.length = 0;
	clock = 1_000_000;
	resetRateLimits();
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

describe('providerRequest: finding the code of a failed call', () => {
	it('looks past an empty httpCode to the network code behind it, and retries the read', async () => {
		const dropped = Object.assign(new Error('socket hang up'), {
			httpCode: '',
			code: 'ECONNRESET',
		});
		const { context, calls } = scripted([dropped, { statusCode: 200, body: 'ok' }]);
		expect((await providerRequest.call(context, PROFILE, read)).body).toBe('ok');
		expect(calls()).toBe(2);
	});
});

describe('providerRequest: a session refresh that fails', () => {
	const refreshing: ProviderProfile = { ...PROFILE, refreshesSessionOn401: true };

	it('never takes an error without a status for an answer', async () => {
		// n8n raises a NodeApiError with httpCode null when the refresh itself breaks.
		const broken = new NodeApiError(NODE, { message: 'refresh broke' });
		const { context } = scripted([{ statusCode: 401 }, broken]);
		await expect(providerRequest.call(context, refreshing, read)).rejects.toThrow('refresh broke');
	});

	it("reports n8n's description as the provider's message when the error carries no body", async () => {
		const refused = new NodeApiError(
			NODE,
			{ message: 'x' },
			{ httpCode: '403', description: 'session expired for good' },
		);
		const { context } = scripted([{ statusCode: 401 }, refused]);
		await expect(providerRequest.call(context, refreshing, read)).rejects.toThrow(
			'Probe answered 403: session expired for good',
		);
	});
});

describe('providerRequest: whose bucket paces a call', () => {
	const paced: ProviderProfile = { ...PROFILE, rateLimit: { requests: 1, intervalMs: 60_000 } };

	it('two nodes without a credential do not wait for each other', async () => {
		await providerRequest.call(scripted([{ statusCode: 200 }]).context, paced, read);
		const other: INode = { ...NODE, id: 'node-2' };
		await providerRequest.call(scripted([{ statusCode: 200 }], other).context, paced, read);
		expect(slept).toEqual([]);
	});

	it("a node holding only another type's credential is paced by its own id", async () => {
		const elsewhere: INode = { ...NODE, credentials: { otherApi: { id: 'c9', name: 'other' } } };
		await providerRequest.call(scripted([{ statusCode: 200 }], elsewhere).context, paced, read);
		await providerRequest.call(scripted([{ statusCode: 200 }], elsewhere).context, paced, read);
		expect(slept).toEqual([60_000]);
	});
});
