import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import {
	apiRequest,
	defaultErrorDescription,
	deriveWebhookToken,
	providerResponseOf,
	type ErrorDescription,
	type ProviderProfile,
	type ProviderResponse,
	type RateLimit,
	type RequestContext,
} from '../shared';

export const WAZZUP_CREDENTIAL = 'omnichannelWazzupApi';

/** Wazzup counts requests per account in windows of 5 s (api-reference §3.1: 500 per 5 s). */
export const RATE_WINDOW_MS = 5_000;
export const DEFAULT_REQUESTS_PER_WINDOW = 400;

/** Longest text per channel transport (§3.2); unknown transports get the smallest common one. */
export const TEXT_LIMITS: Record<string, number> = {
	whatsapp: 10_000,
	wapi: 4_096,
	telegram: 4_096,
	tgapi: 4_096,
	instagram: 1_000,
};
export const FALLBACK_TEXT_LIMIT = 1_000;

/** Bulk routes (contacts, deals, users) take at most this many entities per call (§3.1). */
export const BULK_LIMIT = 100;

/** Any context that can make Wazzup calls: it also reads the credential for the rate window. */
export interface WazzupContext extends RequestContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
}

/** Wazzup's error body (§3.1): `{error: "CODE", description, data}`, or nothing at all. */
export interface WazzupErrorBody {
	error?: string;
	description?: string;
	data?: IDataObject;
}

function errorBody(response: ProviderResponse): WazzupErrorBody {
	const body = response.body;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as WazzupErrorBody) : {};
}

const SIDECAR_HINT =
	'This key reaches only channels, sending, webhooks and templates: it is a "sidecar" key of Wazzup\'s own amoCRM or Bitrix24 integration. Use a key from Wazzup → Integrations → API for this operation.';

const CODE_HINTS: Array<[RegExp, string]> = [
	[
		/CHANNEL_NOT_ACTIVE/i,
		'The channel is not connected: open Wazzup and reconnect it (QR code, payment, phone).',
	],
	[
		/CHANNEL_NOT_FOUND/i,
		'Check the channel: pick it from the list, or use a conversation key from a Wazzup trigger.',
	],
	[/TOO_LONG_TEXT/i, 'The text is longer than this channel allows.'],
	[
		/WEBHOOKS_REQUEST_NOT_VALID/i,
		"Wazzup could not reach n8n's webhook URL with a 200 answer: n8n must be reachable from the internet (set WEBHOOK_URL) and the workflow saved.",
	],
	[/TOO_MANY_ENTITIES/i, 'At most 100 entities per request.'],
	[
		/NOT_ALLOWED_FOR_WABA|WABA/i,
		'Messages on WhatsApp Business API (WABA) channels cannot be edited or deleted.',
	],
];

function describe(response: ProviderResponse): ErrorDescription {
	const body = errorBody(response);
	const fallback = defaultErrorDescription(response);
	const message =
		body.description && body.error
			? `${body.description} (${body.error})`
			: (body.description ?? body.error ?? fallback.message);
	if (response.statusCode === 403) return { message, hint: SIDECAR_HINT };
	if (response.statusCode === 401) {
		return { message, hint: 'Check the API Key of the credential (Wazzup → Integrations → API).' };
	}
	const code = `${body.error ?? ''} ${body.description ?? ''}`;
	const hint = CODE_HINTS.find(([pattern]) => pattern.test(code))?.[1] ?? fallback.hint;
	return { message, hint };
}

export const wazzupProfile: ProviderProfile = {
	displayName: 'Wazzup',
	credentialType: WAZZUP_CREDENTIAL,
	describeError: describe,
};

/** The key without a pasted "Bearer " prefix. */
export function apiKeyOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.apiKey ?? '')
		.trim()
		.replace(/^Bearer\s+/i, '')
		.trim();
}

/**
 * The rate window of one API key in this process: every node and credential holding the same
 * key shares it, because Wazzup counts per account, not per n8n credential. The key itself is
 * never a map key: a digest stands in for it.
 */
export function rateWindowOf(
	credentials: ICredentialDataDecryptedObject,
): RateLimit & { key: string } {
	const configured = Number(credentials.requestsPerWindow);
	const requests =
		Number.isFinite(configured) && configured >= 1
			? Math.min(Math.floor(configured), 500)
			: DEFAULT_REQUESTS_PER_WINDOW;
	const digest = deriveWebhookToken(apiKeyOf(credentials) || 'no-key', 'wazzup-rate-window');
	return { requests, intervalMs: RATE_WINDOW_MS, key: `wazzup:${digest}` };
}

export interface WazzupCall {
	method: IHttpRequestMethods;
	/** Relative to "<Base URL>/v3", e.g. "/message". */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/**
	 * Whether Wazzup may see the call twice without harm: reads, PATCHes that set a state, and
	 * sends that carry a crmMessageId (Wazzup refuses the repeat). False for everything else.
	 */
	idempotent: boolean;
	itemIndex?: number;
	abortSignal?: AbortSignal;
}

/** One API v3 call; resolves to the answer's body. */
export async function wazzupRequest<T = unknown>(
	context: WazzupContext,
	call: WazzupCall,
): Promise<T> {
	const credentials = await context.getCredentials(WAZZUP_CREDENTIAL);
	return (await apiRequest.call(context, wazzupProfile, {
		method: call.method,
		url: call.path,
		body: call.body,
		qs: call.qs,
		idempotent: call.idempotent,
		rateLimits: [rateWindowOf(credentials)],
		itemIndex: call.itemIndex,
		abortSignal: call.abortSignal,
	})) as T;
}

/** Wazzup's error body inside an error the transport raised, with its status. */
export function wazzupErrorOf(error: unknown): (WazzupErrorBody & { status: number }) | undefined {
	const response = providerResponseOf(error);
	return response ? { ...errorBody(response), status: response.statusCode } : undefined;
}

/**
 * A send refused because its crmMessageId was used already: the message is there (§3.2). Both
 * spellings are seen: the docs' repeatedCrmMessageId and a live account's REPEATED_CRM_MESSAGE_ID.
 */
export function isRepeatedCrmMessageId(error: unknown): boolean {
	const body = wazzupErrorOf(error);
	return (
		body?.status === 400 &&
		/^repeated_?crm_?message_?id$/i.test(String(body.error ?? '').replace(/_/g, ''))
	);
}
