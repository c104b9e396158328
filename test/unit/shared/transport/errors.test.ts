import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import {
	asNodeError,
	defaultErrorDescription,
	InputError,
	networkError,
	providerError,
	providerResponseOf,
	retryAfterOfError,
	type ProviderProfile,
	type ProviderResponse,
} from '../../../../nodes/shared';

const NODE: INode = {
	id: 'n1',
	name: 'Probe',
	type: 'n8n-nodes-omnichannel-ai.probe',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const PROFILE: ProviderProfile = { displayName: 'Probe', credentialType: 'probeApi' };
const answer = (statusCode: number, body: unknown, headers: Record<string, unknown> = {}) =>
	({ statusCode, headers, body }) as ProviderResponse;

describe('defaultErrorDescription', () => {
	it.each<[string, unknown, string]>([
		[
			'description (Telegram)',
			{ description: 'Bad Request: chat not found' },
			'Bad Request: chat not found',
		],
		['message', { message: 'nope' }, 'nope'],
		['error.message', { error: { message: 'inner' } }, 'inner'],
		['error as text', { error: 'flat' }, 'flat'],
		['error_description', { error_description: 'oauth says no' }, 'oauth says no'],
		['detail', { detail: 'problem+json' }, 'problem+json'],
		['a text body', 'plain words', 'plain words'],
	])('takes the provider’s message from %s', (_label, body, message) => {
		expect(defaultErrorDescription(answer(400, body)).message).toBe(message);
	});

	it('prefers description, then message, then error.message, then error, error_description, detail', () => {
		const all = {
			description: 'd',
			message: 'm',
			error: { message: 'em' },
			error_description: 'ed',
			detail: 'dt',
		};
		expect(defaultErrorDescription(answer(400, all)).message).toBe('d');
		expect(defaultErrorDescription(answer(400, { ...all, description: undefined })).message).toBe(
			'm',
		);
		expect(
			defaultErrorDescription(answer(400, { ...all, description: undefined, message: undefined }))
				.message,
		).toBe('em');
		expect(
			defaultErrorDescription(answer(400, { error: 'e', error_description: 'ed' })).message,
		).toBe('e');
		expect(
			defaultErrorDescription(answer(400, { error_description: 'ed', detail: 'dt' })).message,
		).toBe('ed');
	});

	it('skips blank and non-text values and trims the one it takes', () => {
		expect(
			defaultErrorDescription(answer(400, { description: '   ', message: 5, detail: '  kept  ' }))
				.message,
		).toBe('kept');
	});

	it('cuts a text body at 500 characters', () => {
		expect(defaultErrorDescription(answer(502, 'x'.repeat(600))).message).toBe('x'.repeat(500));
	});

	it.each<[string, unknown]>([
		['no body', undefined],
		['null', null],
		['an object without a message', { ok: false }],
	])('falls back to the status for %s', (_label, body) => {
		expect(defaultErrorDescription(answer(418, body))).toEqual({
			message: 'HTTP 418',
			hint: undefined,
		});
	});

	it.each([
		[400, /rejected a field/],
		[401, /key or token is wrong/],
		[403, /not allowed/],
		[404, /Check the ids/],
		[409, /conflicts/],
		[413, /too large/],
		[429, /rate limiting/],
	])('gives a hint for %i', (status, hint) => {
		expect(defaultErrorDescription(answer(status, {})).hint).toMatch(hint);
	});
});

describe('providerError', () => {
	it('names the provider, the status and its message; keeps status, body and the wait, nothing else', () => {
		const error = providerError(
			NODE,
			PROFILE,
			answer(429, { description: 'Too Many Requests', parameters: { retry_after: 3 } }),
			{ itemIndex: 2 },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Probe answered 429: Too Many Requests');
		expect(error.description).toMatch(/rate limiting/);
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(2);
		expect(error.errorResponse).toEqual({
			httpCode: '429',
			body: { description: 'Too Many Requests', parameters: { retry_after: 3 } },
			retryAfterMs: 3000,
		});
	});

	it('keeps a missing body and wait as null', () => {
		const error = providerError(NODE, PROFILE, answer(500, undefined));
		expect(error.errorResponse).toEqual({ httpCode: '500', body: null, retryAfterMs: null });
		expect(error.message).toBe('Probe answered 500: HTTP 500');
	});

	it('puts the caller’s hint before the status hint', () => {
		const error = providerError(NODE, PROFILE, answer(404, {}), { hint: 'Is the chat id right?' });
		expect(error.description).toBe(
			'Is the chat id right? Check the ids in the node and the Base URL of the credential.',
		);
	});

	it('has no description when there is no hint at all', () => {
		expect(providerError(NODE, PROFILE, answer(500, {})).description).toBeFalsy();
	});

	it('prefers the caller’s description, then the profile’s, then the default', () => {
		const profile: ProviderProfile = {
			...PROFILE,
			describeError: () => ({ message: 'from profile', hint: 'profile hint' }),
		};
		const response = answer(400, { description: 'default' });
		expect(providerError(NODE, profile, response).message).toBe('Probe answered 400: from profile');
		expect(providerError(NODE, profile, response).description).toBe('profile hint');
		expect(
			providerError(NODE, profile, response, { description: { message: 'from caller' } }).message,
		).toBe('Probe answered 400: from caller');
		// A description without a hint still gets the status hint.
		expect(
			providerError(NODE, profile, response, { description: { message: 'x' } }).description,
		).toMatch(/rejected a field/);
		expect(providerError(NODE, PROFILE, response).message).toBe('Probe answered 400: default');
	});

	it('can be read back: the answer and the wait it kept', () => {
		const error = providerError(NODE, PROFILE, answer(429, { retry_after: 2 }));
		expect(providerResponseOf(error)).toEqual({
			statusCode: 429,
			headers: {},
			body: { retry_after: 2 },
		});
		expect(retryAfterOfError(error)).toBe(2000);
		expect(retryAfterOfError(providerError(NODE, PROFILE, answer(500, {})))).toBeUndefined();
	});
});

describe('reading errors back', () => {
	it('finds no answer or wait in errors that are not provider errors', () => {
		for (const error of [new Error('x'), 'text', undefined, new NodeOperationError(NODE, 'op')]) {
			expect(providerResponseOf(error)).toBeUndefined();
			expect(retryAfterOfError(error)).toBeUndefined();
		}
	});

	it('finds no answer in a network error (no status)', () => {
		const error = networkError(NODE, PROFILE, 'ECONNRESET', true, false);
		expect(providerResponseOf(error)).toBeUndefined();
		expect(retryAfterOfError(error)).toBeUndefined();
	});
});

describe('networkError', () => {
	it.each([
		['ECONNREFUSED', 'the connection was refused'],
		['ECONNRESET', 'the connection broke before an answer came'],
		['EPIPE', 'the connection broke before an answer came'],
		['ECONNABORTED', 'no answer came in time'],
		['ETIMEDOUT', 'no answer came in time'],
		['ESOCKETTIMEDOUT', 'no answer came in time'],
		['ENOTFOUND', 'the host name could not be resolved'],
		['EAI_AGAIN', 'the host name could not be resolved'],
		['EHOSTUNREACH', 'the host is unreachable'],
		['ENETUNREACH', 'the network is unreachable'],
		['econnrefused', 'the connection was refused'],
		['EWHATEVER', 'the connection failed'],
	])('says what %s means', (code, phrase) => {
		const error = networkError(NODE, PROFILE, code, false, true, 1);
		expect(error.message).toBe(`Could not complete the request to Probe: ${phrase}.`);
		expect(error.description).toBe(
			`Network error ${code}. Check the Base URL in the credential and that the service is reachable.`,
		);
		expect(error.context.itemIndex).toBe(1);
		expect(error.httpCode).toBeFalsy();
	});

	it('warns that a send which may have arrived was not retried, only then', () => {
		const warning = /not retried because the provider may already have received it/;
		expect(networkError(NODE, PROFILE, 'ECONNRESET', true, false).description).toMatch(warning);
		expect(networkError(NODE, PROFILE, 'ECONNRESET', true, true).description).not.toMatch(warning);
		expect(networkError(NODE, PROFILE, 'ECONNRESET', false, false).description).not.toMatch(
			warning,
		);
	});
});

describe('asNodeError', () => {
	it('passes node errors through unchanged', () => {
		const api = new NodeApiError(NODE, { message: 'x' });
		const op = new NodeOperationError(NODE, 'y');
		expect(asNodeError(NODE, api)).toBe(api);
		expect(asNodeError(NODE, op)).toBe(op);
	});

	it('turns an InputError into an operation error whose description is the fix', () => {
		const error = asNodeError(NODE, new InputError('Chat ID is empty', 'Map a chat id.'), 3);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Chat ID is empty');
		expect(error.description).toBe('Map a chat id.');
		expect(error.context.itemIndex).toBe(3);
	});

	it('wraps any other error or value, keeping its message', () => {
		const fromError = asNodeError(NODE, new Error('boom'), 4);
		expect(fromError).toBeInstanceOf(NodeOperationError);
		expect(fromError.message).toBe('boom');
		expect(fromError.context.itemIndex).toBe(4);
		expect(asNodeError(NODE, 'plain text').message).toBe('plain text');
	});
});
