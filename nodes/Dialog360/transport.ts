import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	apiRequest,
	defaultErrorDescription,
	providerResponseOf,
	type ErrorDescription,
	type ProviderProfile,
	type ProviderResponse,
	type RequestContext,
} from '../shared';

export const DIALOG360_CREDENTIAL = 'omnichannel360DialogApi';

/** WhatsApp's limits (Meta's Cloud API reference, which 360dialog passes through). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const BUTTON_TITLE_LIMIT = 20;
export const ROW_TITLE_LIMIT = 24;
export const ROW_DESCRIPTION_LIMIT = 72;
export const MAX_REPLY_BUTTONS = 3;
export const MAX_LIST_ROWS = 10;

/** Meta's codes for "outside the 24-hour window" (Cloud 131047, On-Premise 470). */
const WINDOW_CODES = new Set([131047, 470]);
/** Meta's codes for a media link it could not use (Cloud 131053, 131052; On-Premise 1009 on media). */
const MEDIA_CODES = new Set([131053, 131052, 131051]);

/** The variant decides paths and body shape (api-reference §4.1). */
export interface Dialog360Account {
	variant: 'cloud' | 'onpremise' | 'sandbox';
	/** Cloud API: POST /messages with messaging_product; the others POST /v1/messages without it. */
	cloud: boolean;
	apiKey: string;
}

export async function dialog360Account(context: {
	getCredentials(type: string): Promise<IDataObject>;
}): Promise<Dialog360Account> {
	const credentials = await context.getCredentials(DIALOG360_CREDENTIAL);
	const variant = (
		['onpremise', 'sandbox'].includes(String(credentials.apiVariant))
			? credentials.apiVariant
			: 'cloud'
	) as Dialog360Account['variant'];
	return { variant, cloud: variant === 'cloud', apiKey: String(credentials.apiKey ?? '').trim() };
}

/** What an error answer of any 360dialog shape says: Meta Graph, On-Premise or 360dialog's meta. */
export interface Dialog360ErrorInfo {
	code?: number;
	message?: string;
	details?: string;
}

export function dialog360ErrorInfo(body: unknown): Dialog360ErrorInfo | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const answer = body as {
		error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } };
		errors?: Array<{ code?: unknown; title?: unknown; details?: unknown }>;
		meta?: { developer_message?: unknown; http_code?: unknown };
	};
	const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
	if (answer.error && typeof answer.error === 'object')
		return {
			code: Number(answer.error.code) || undefined,
			message: text(answer.error.message),
			details: text(answer.error.error_data?.details),
		};
	const first = Array.isArray(answer.errors) ? answer.errors[0] : undefined;
	if (first && typeof first === 'object')
		return {
			code: Number(first.code) || undefined,
			message: text(first.title),
			details: text(first.details),
		};
	if (answer.meta && typeof answer.meta === 'object' && text(answer.meta.developer_message))
		return { message: text(answer.meta.developer_message) };
	return undefined;
}

function describe(response: ProviderResponse): ErrorDescription {
	const info = dialog360ErrorInfo(response.body);
	if (!info?.message) return defaultErrorDescription(response);
	const message = info.details ? `${info.message}: ${info.details}` : info.message;
	let hint: string | undefined;
	if (info.code !== undefined && WINDOW_CODES.has(info.code))
		hint =
			'The 24-hour customer service window is closed: send an approved template (Message → Send Template), or set "Template Outside the 24-Hour Window" in the options.';
	else if (response.statusCode === 401)
		hint = 'Check the API Key, the API Variant and the Base URL of the 360dialog credential.';
	return { message, hint };
}

export const dialog360Profile: ProviderProfile = {
	displayName: '360dialog',
	credentialType: DIALOG360_CREDENTIAL,
	// Meta's default is 80 messages per second per number; a few n8n processes stay under it.
	rateLimit: { requests: 20, intervalMs: 1_000 },
	describeError: describe,
};

/** What a call does, which decides whether it may be retried. */
export type CallKind =
	/** Reads and idempotent writes (webhook config): retried on 5xx. */
	| 'read'
	/** Creates a message: never repeated after it may have arrived (a 429 is waited out). */
	| 'send'
	/**
	 * Media calls: never repeated at all. More than 5 failed media requests in an hour block the
	 * number's media for an hour (api-reference §4.5), so a blind retry can make things worse.
	 */
	| 'media';

export interface Dialog360Call {
	method: IHttpRequestMethods;
	/** Relative to the credential's host, e.g. "/v1/configs/webhook". */
	path: string;
	body?: IDataObject | FormData;
	kind: CallKind;
	binary?: boolean;
	itemIndex?: number;
}

export async function dialog360Request<T = IDataObject>(
	context: RequestContext,
	call: Dialog360Call,
): Promise<T> {
	return (await apiRequest.call(context, dialog360Profile, {
		method: call.method,
		url: call.path,
		body: call.body,
		binary: call.binary,
		idempotent: call.kind === 'read',
		itemIndex: call.itemIndex,
		retry: call.kind === 'media' ? { maxAttempts: 1 } : undefined,
	})) as T;
}

/** The 360dialog error inside an error the transport raised, if it is one. */
export function dialog360ErrorOf(error: unknown): Dialog360ErrorInfo | undefined {
	return dialog360ErrorInfo(providerResponseOf(error)?.body);
}

export function isWindowClosedError(error: unknown): boolean {
	const code = dialog360ErrorOf(error)?.code;
	return code !== undefined && WINDOW_CODES.has(code);
}

/** 360dialog refused a media link or id it could not use (format, size, unreachable). */
export function isMediaRefusedError(error: unknown): boolean {
	const response = providerResponseOf(error);
	if (!response || response.statusCode !== 400) return false;
	const code = dialog360ErrorInfo(response.body)?.code;
	return code !== undefined && (MEDIA_CODES.has(code) || code === 1009);
}
