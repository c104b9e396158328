import {
	NodeApiError,
	sleep,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { backoffDelayMs } from './backoff';
import { asNodeError, networkError, providerError } from './errors';
import { acquireRateLimits } from './rateLimiter';
import { retryAfterMs } from './retryAfter';
import type {
	ApiRequest,
	ProviderProfile,
	ProviderResponse,
	RateLimit,
	RetryPolicy,
} from './types';

/** Any n8n context that can make authenticated requests (execute, hooks, webhooks, triggers, load options). */
export interface RequestContext {
	getNode(): INode;
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	maxRetryAfterMs: 60_000,
};

/** The request never left this machine or was refused before the provider saw it. */
const NEVER_ARRIVED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

/**
 * The status or network code of a failed request. Read by shape, not by class: inside a real n8n
 * the NodeApiError that httpRequestWithAuthentication throws can come from n8n's own copy of
 * n8n-workflow, which `instanceof` against ours does not recognise (a dropped connection then
 * looked like an unknown error and an idempotent call was not retried).
 */
function errorCode(error: unknown): string | undefined {
	const candidate = error as
		| { httpCode?: unknown; code?: unknown; cause?: { code?: unknown } }
		| undefined;
	for (const value of [candidate?.httpCode, candidate?.code, candidate?.cause?.code]) {
		if (typeof value === 'string' && value !== '') return value;
	}
	return undefined;
}

function isNetworkCode(code: string | undefined): code is string {
	return !!code && !/^\d+$/.test(code);
}

/** A status that n8n itself raised (the 401 refresh path) as a ProviderResponse. */
function responseFromNodeApiError(error: NodeApiError): ProviderResponse | undefined {
	const status = Number(error.httpCode);
	// httpCode is null when n8n wraps a failure that got no answer; Number(null) is 0, no status.
	if (!Number.isInteger(status) || status < 100) return undefined;
	const data = (error.context as { data?: unknown } | undefined)?.data;
	return { statusCode: status, headers: {}, body: data ?? error.description ?? error.message };
}

function rateLimitsFor(
	context: RequestContext,
	profile: ProviderProfile,
	request: ApiRequest,
): Array<RateLimit & { key: string }> {
	const limits = [...(request.rateLimits ?? [])];
	if (profile.rateLimit) {
		const node = context.getNode();
		const credentialId = node.credentials?.[profile.credentialType]?.id ?? `node:${node.id}`;
		limits.push({ ...profile.rateLimit, key: `${profile.credentialType}:${credentialId}` });
	}
	return limits;
}

function toHttpOptions(request: ApiRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		baseURL: request.baseURL,
		qs: request.qs,
		headers: request.headers,
		body: request.body as IHttpRequestOptions['body'],
		json: !request.binary,
		returnFullResponse: true,
		// We read status, headers and body ourselves: n8n's error wrapping drops Retry-After.
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs,
		abortSignal: request.abortSignal,
	};
	if (request.binary) options.encoding = 'arraybuffer';
	return options;
}

/**
 * One request to a provider through n8n's credential machinery, with the package's retry rules
 * (docs/architecture.md, "Transport rules"): a 429 is always waited out (the provider did not process the call); 5xx and
 * broken connections are retried only for idempotent calls; a connection refused before
 * sending is retried for any call. Waits use `sleep` from n8n-workflow.
 */
export async function providerRequest(
	this: RequestContext,
	profile: ProviderProfile,
	request: ApiRequest,
): Promise<ProviderResponse> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...request.retry };
	const node = this.getNode();
	const limits = rateLimitsFor(this, profile, request);
	let sessionRefreshed = false;

	for (let attempt = 1; ; attempt++) {
		const lastAttempt = attempt >= policy.maxAttempts;
		const settled = await acquireRateLimits(limits);
		if (request.abortSignal?.aborted) {
			settled();
			request.abortSignal.throwIfAborted();
		}

		let response: ProviderResponse;
		try {
			const full = (await this.helpers.httpRequestWithAuthentication.call(
				this as unknown as IExecuteFunctions,
				profile.credentialType,
				toHttpOptions(request),
			)) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
			response = { statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body };
		} catch (error) {
			settled();
			// A caller that aborted (a trigger being stopped) wants the call over, not retried.
			if (request.abortSignal?.aborted) throw asNodeError(node, error);
			const code = errorCode(error);
			if (!isNetworkCode(code)) throw asNodeError(node, error);
			const mayHaveArrived = !NEVER_ARRIVED.has(code);
			if (!lastAttempt && (request.idempotent || !mayHaveArrived)) {
				await sleep(backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs));
				continue;
			}
			throw networkError(
				node,
				profile,
				code,
				mayHaveArrived,
				request.idempotent,
				request.itemIndex,
			);
		}
		// The answer is back, so the call has arrived by now: its slot's interval runs from here.
		settled();

		if (response.statusCode === 401 && profile.refreshesSessionOn401 && !sessionRefreshed) {
			sessionRefreshed = true;
			response = await requestThroughSessionRefresh.call(this, profile, request);
		}

		if (response.statusCode === 429) {
			const asked = retryAfterMs(response);
			const wait = asked ?? backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs);
			if (asked !== undefined && asked > policy.maxRetryAfterMs) {
				throw providerError(node, profile, response, {
					itemIndex: request.itemIndex,
					hint: `It asked to wait ${Math.ceil(asked / 1000)} s, longer than the ${policy.maxRetryAfterMs / 1000} s this node waits.`,
				});
			}
			if (!lastAttempt) {
				await sleep(wait);
				continue;
			}
			throw providerError(node, profile, response, {
				itemIndex: request.itemIndex,
				hint: `Still rate limited after ${attempt} attempts.`,
			});
		}

		if (TRANSIENT_STATUS.has(response.statusCode) && request.idempotent && !lastAttempt) {
			await sleep(backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs));
			continue;
		}

		if (response.statusCode >= 400) {
			const retriedNote =
				TRANSIENT_STATUS.has(response.statusCode) && !request.idempotent
					? 'It was not retried because the provider may already have processed it.'
					: undefined;
			throw providerError(node, profile, response, {
				itemIndex: request.itemIndex,
				hint: retriedNote,
			});
		}

		const bodyError = profile.bodyError?.(response);
		if (bodyError) {
			throw providerError(node, profile, response, {
				itemIndex: request.itemIndex,
				description: bodyError,
			});
		}
		return response;
	}
}

/**
 * Reissues a call that got 401 without `ignoreHttpStatusErrors`, so n8n's own
 * httpRequestWithAuthentication sees the 401, runs the credential's preAuthentication with
 * `expired = true` (fresh session token, stored by n8n for every process) and retries once.
 * A 401 is safe to repeat: the provider refused the call before doing anything.
 */
async function requestThroughSessionRefresh(
	this: RequestContext,
	profile: ProviderProfile,
	request: ApiRequest,
): Promise<ProviderResponse> {
	try {
		const full = (await this.helpers.httpRequestWithAuthentication.call(
			this as unknown as IExecuteFunctions,
			profile.credentialType,
			{ ...toHttpOptions(request), ignoreHttpStatusErrors: false },
		)) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
		return { statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body };
	} catch (error) {
		const response = error instanceof NodeApiError ? responseFromNodeApiError(error) : undefined;
		if (response) return response;
		throw asNodeError(this.getNode(), error);
	}
}

/** The body of a successful answer. */
export async function apiRequest<T = unknown>(
	this: RequestContext,
	profile: ProviderProfile,
	request: ApiRequest,
): Promise<T> {
	return (await providerRequest.call(this, profile, request)).body as T;
}
