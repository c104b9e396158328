import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

import {
	apiRequest,
	defaultErrorDescription,
	InputError,
	type ErrorDescription,
	type ProviderProfile,
	type ProviderResponse,
	type RequestContext,
} from '../shared';

export const SELARTI_CREDENTIAL = 'selartiApi';

const KEY_HINT =
	'Check the API Key of the Selarti API credential (Selarti panel: avatar → Get API key).';

type BubbleBody = {
	status?: unknown;
	message?: unknown;
	statusCode?: unknown;
	body?: { status?: unknown; message?: unknown };
	response?: unknown;
};

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Selarti runs on Bubble (inferred from its /api/1.1/wf/ paths): errors come as
 * {"statusCode":400,"body":{"status":"MISSING_DATA","message":"…"}} or with a top-level message.
 * The hints name the node field to fix.
 */
export function describeSelartiError(response: ProviderResponse): ErrorDescription {
	const body = (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as BubbleBody;
	const message =
		text(body.body?.message) ?? text(body.message) ?? defaultErrorDescription(response).message;
	const code = text(body.body?.status) ?? text(body.status);
	const lower = message.toLowerCase();
	let hint: string | undefined;
	if (response.statusCode === 401) hint = KEY_HINT;
	else if (/task/.test(lower) && /not found|invalid|unknown/.test(lower)) {
		hint = 'Check "Task ID": copy the id of a task of type "Web" from the Selarti panel.';
	} else if (/chat_id/.test(lower)) {
		hint =
			'Check "Chat ID": map the "conversation.key" field of a channel trigger; it must be at most 255 characters.';
	} else if (/missing parameter/.test(lower)) {
		hint =
			'Fill the field named in the message; for Send, compare the field names with your account\'s API docs and use "Additional Body Fields" if they differ.';
	} else if (response.statusCode === 404) {
		hint =
			'Check the Base URL of the credential and, for Send, the "Send Message Path" option: the send endpoint is not in Selarti\'s public docs.';
	}
	return { message: code && !message.includes(code) ? `${message} (${code})` : message, hint };
}

/** Bubble answers 200 {"status":"success",…}; any other status word in a 200 is a failure. */
export function selartiBodyError(response: ProviderResponse): ErrorDescription | undefined {
	const body = response.body as BubbleBody | undefined;
	if (!body || typeof body !== 'object' || body.status === undefined) return undefined;
	if (String(body.status).toLowerCase() === 'success') return undefined;
	return describeSelartiError({ ...response, statusCode: response.statusCode });
}

/**
 * Selarti's request limit is not published (NOT FOUND). 5 requests per second per credential and
 * per n8n process keeps three queue-mode processes at 15/s, under the 1000/min that Bubble apps
 * commonly allow (inferred). A 429 from Selarti is waited out by the transport anyway.
 */
export const SELARTI_PROFILE: ProviderProfile = {
	displayName: 'Selarti',
	credentialType: SELARTI_CREDENTIAL,
	rateLimit: { requests: 5, intervalMs: 1000 },
	refreshesSessionOn401: true,
	describeError: describeSelartiError,
	bodyError: selartiBodyError,
};

export interface SelartiContext extends RequestContext {
	getCredentials<T extends object = ICredentialDataDecryptedObject>(
		type: string,
		itemIndex?: number,
	): Promise<T>;
}

export interface SelartiCall {
	method: IHttpRequestMethods;
	/** Relative to the credential's Base URL, e.g. "/wf/add_target". */
	path: string;
	body?: IDataObject;
	/** False for sends: never repeated once Selarti may have received them. */
	idempotent: boolean;
	itemIndex?: number;
}

/** Normalises a user-typed path to "/wf/<name>" form, or explains what is wrong. */
export function workflowPath(raw: string, field: string): string {
	const path = '/' + raw.trim().replace(/^\/+/, '');
	if (!/^\/wf\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(path)) {
		throw new InputError(
			`"${field}" must be a path under /wf/, e.g. /wf/send_message; got "${raw}"`,
			'Only Selarti workflow endpoints use the session token this credential holds.',
		);
	}
	return path;
}

/**
 * A call to Selarti's workflow API through the shared transport (retries, 429 waits, rate limit,
 * one session refresh on 401). A key that n8n cannot even exchange for a token surfaces here as
 * n8n's generic 401, which is rewritten to say which field to fix.
 */
export async function selartiRequest<T = unknown>(
	context: SelartiContext,
	call: SelartiCall,
): Promise<T> {
	const credentials = await context.getCredentials(SELARTI_CREDENTIAL, call.itemIndex);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	try {
		return (await apiRequest.call(context, SELARTI_PROFILE, {
			method: call.method,
			url: `${baseURL}${call.path}`,
			body: call.body,
			idempotent: call.idempotent,
			itemIndex: call.itemIndex,
		})) as T;
	} catch (error) {
		throw explainAuthFailure(context, error, call.itemIndex);
	}
}

/**
 * A key that n8n cannot exchange for a token fails inside n8n's credential code, before our
 * transport sees a response: the credential's message already names the fix, so only the hint is
 * added. n8n's bare 401 (a token refused right after a refresh) gets the same treatment.
 */
function explainAuthFailure(context: SelartiContext, error: unknown, itemIndex?: number): Error {
	const ours =
		error instanceof NodeApiError &&
		error.message.startsWith(`${SELARTI_PROFILE.displayName} answered`);
	if (error instanceof NodeApiError && !ours) {
		const refusedKey = /Selarti rejected the API key/.test(error.message);
		if (refusedKey || String(error.httpCode) === '401') {
			return new NodeApiError(
				context.getNode(),
				{ httpCode: '401', message: error.message } as JsonObject,
				{
					message: refusedKey
						? error.message
						: 'Selarti refused the session token right after issuing it (401)',
					description: KEY_HINT,
					httpCode: '401',
					itemIndex,
				},
			);
		}
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
