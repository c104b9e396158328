import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { InputError } from '../errors/inputError';
import { retryAfterMs } from './retryAfter';
import type { ErrorDescription, ProviderProfile, ProviderResponse } from './types';

const STATUS_HINTS: Record<number, string> = {
	400: 'The provider rejected a field: check the value named in the message.',
	401: 'Check the credential: the key or token is wrong, expired or revoked.',
	403: 'The credential is valid but not allowed to do this: check its access rights.',
	404: 'Check the ids in the node and the Base URL of the credential.',
	409: 'The request conflicts with the current state on the provider (see the message).',
	413: 'The message or file is too large for the provider.',
	429: 'The provider is rate limiting this credential: lower the batch size or try again later.',
};

function firstString(...values: unknown[]): string | undefined {
	for (const value of values) if (typeof value === 'string' && value.trim()) return value.trim();
	return undefined;
}

/** The provider's own message from the usual places in an error body. */
export function defaultErrorDescription(response: ProviderResponse): ErrorDescription {
	const body = response.body as Record<string, unknown> | string | undefined;
	let message: string | undefined;
	if (typeof body === 'string') message = body.slice(0, 500);
	else if (body && typeof body === 'object') {
		const nested = (body.error && typeof body.error === 'object' ? body.error : {}) as Record<
			string,
			unknown
		>;
		message = firstString(
			body.description,
			body.message,
			nested.message,
			body.error,
			body.error_description,
			body.detail,
		);
	}
	return {
		message: message ?? `HTTP ${response.statusCode}`,
		hint: STATUS_HINTS[response.statusCode],
	};
}

/** A failed answer as a NodeApiError: the provider's message, its status, and a hint. */
export function providerError(
	node: INode,
	profile: ProviderProfile,
	response: ProviderResponse,
	extra: { itemIndex?: number; hint?: string; description?: ErrorDescription } = {},
): NodeApiError {
	const described =
		extra.description ?? profile.describeError?.(response) ?? defaultErrorDescription(response);
	const hint = [extra.hint, described.hint ?? STATUS_HINTS[response.statusCode]]
		.filter(Boolean)
		.join(' ');
	// Only the status, the body and the wait the provider asked for go in: never request options
	// or headers, which can carry credentials.
	const errorResponse = {
		httpCode: String(response.statusCode),
		body: (response.body ?? null) as JsonObject,
		retryAfterMs: retryAfterMs(response) ?? null,
	} as JsonObject;
	return new NodeApiError(node, errorResponse, {
		message: `${profile.displayName} answered ${response.statusCode}: ${described.message}`,
		description: hint || undefined,
		httpCode: String(response.statusCode),
		itemIndex: extra.itemIndex,
	});
}

const NETWORK_PHRASES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection broke before an answer came',
	EPIPE: 'the connection broke before an answer came',
	ECONNABORTED: 'no answer came in time',
	ETIMEDOUT: 'no answer came in time',
	ESOCKETTIMEDOUT: 'no answer came in time',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
};

/**
 * A request that got no HTTP answer. The code stays out of the message and httpCode on
 * purpose: n8n would swap in its generic text ("You can retry the request immediately"),
 * which is wrong advice for a send that may already have arrived.
 */
export function networkError(
	node: INode,
	profile: ProviderProfile,
	code: string,
	mayHaveArrived: boolean,
	idempotent: boolean,
	itemIndex?: number,
): NodeApiError {
	const phrase = NETWORK_PHRASES[code.toUpperCase()] ?? 'the connection failed';
	const notRetried =
		mayHaveArrived && !idempotent
			? ' It was not retried because the provider may already have received it: check before sending again.'
			: '';
	return new NodeApiError(node, { networkErrorCode: code } as JsonObject, {
		message: `Could not complete the request to ${profile.displayName}: ${phrase}.`,
		description: `Network error ${code}. Check the Base URL in the credential and that the service is reachable.${notRetried}`,
		itemIndex,
	});
}

/**
 * Any error as a node error (n8n's request helpers usually throw one already). Our own checks
 * throw InputError: its message names the field, its fix becomes the error's description.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InputError)
		return new NodeOperationError(node, error.message, { itemIndex, description: error.fix });
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** The provider's answer kept in an error raised by providerError (status and body), if any. */
export function providerResponseOf(error: unknown): ProviderResponse | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const kept = error.errorResponse as { httpCode?: unknown; body?: unknown } | undefined;
	const statusCode = Number(kept?.httpCode);
	return Number.isInteger(statusCode) ? { statusCode, headers: {}, body: kept?.body } : undefined;
}

/**
 * How long the provider asked to wait, for callers that pace themselves (a polling loop): read
 * once by retryAfterMs when the error was raised, from the body or the headers.
 */
export function retryAfterOfError(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const wait = (error.errorResponse as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
	return typeof wait === 'number' ? wait : undefined;
}
