import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	defaultErrorDescription,
	pause,
	providerRequest,
	type ErrorDescription,
	type ProviderProfile,
	type ProviderResponse,
	type RequestContext,
} from '../shared';
import { noteAnswer, waitBeforeCall } from './helpers/callsLeft';

export const OMNIDESK_CREDENTIAL = 'omnichannelOmnideskApi';

/** Omnidesk's documented paging bounds (api-reference §2.3, §2.5). */
export const MAX_PAGE = 500;
export const MAX_PAGE_SIZE = 100;

const HINTS: Array<[number, RegExp, string]> = [
	[
		401,
		/./,
		'Check the Staff Email and API Key of the Omnidesk credential (Settings → API in Omnidesk).',
	],
	[404, /case/i, 'Check the case: give its ID (123456) or its number (664-245651).'],
	[
		404,
		/./,
		'Check the Domain or Base URL of the credential (mycompany for mycompany.omnidesk.ru).',
	],
];

/**
 * Omnidesk's error body is not documented (api-reference §2, NOT FOUND); the usual
 * {"error", "description"} and plain-text answers are read by the shared reader.
 */
function describe(response: ProviderResponse): ErrorDescription {
	const described = defaultErrorDescription(response);
	const hint = HINTS.find(
		([status, pattern]) => status === response.statusCode && pattern.test(described.message),
	)?.[2];
	return { message: described.message, hint: hint ?? described.hint };
}

export const omnideskProfile: ProviderProfile = {
	displayName: 'Omnidesk',
	credentialType: OMNIDESK_CREDENTIAL,
	describeError: describe,
};

export interface OmnideskCall {
	method: IHttpRequestMethods;
	/** Relative to the account's /api root, e.g. "/cases/123.json". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Reads and label/group updates: true. Messages and notes: false (never sent twice). */
	idempotent: boolean;
	itemIndex?: number;
}

/** Per credential: the per-minute budget is the account's, and one credential is one account. */
function accountOf(context: RequestContext): string {
	const node = context.getNode();
	return node.credentials?.[OMNIDESK_CREDENTIAL]?.id ?? `node:${node.id}`;
}

/** One Omnidesk API call; resolves to the answer's body. */
export async function omnideskRequest<T = IDataObject>(
	context: RequestContext,
	call: OmnideskCall,
): Promise<T> {
	const account = accountOf(context);
	const wait = waitBeforeCall(account);
	if (wait > 0) await pause(wait);
	const response = await providerRequest.call(context, omnideskProfile, {
		method: call.method,
		url: call.path,
		qs: call.qs,
		body: call.body,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
	});
	noteAnswer(account, response.headers);
	return response.body as T;
}

/** The items of a keyed-object list ({"0": {case: {…}}, …, "total_count": N}) and the count. */
export function listItems<T = IDataObject>(
	body: unknown,
	key: string,
): { items: T[]; totalCount: number } {
	const items: T[] = [];
	let totalCount = 0;
	if (Array.isArray(body)) {
		// Defensive: a proxy or a future API version answering a plain array.
		for (const entry of body) items.push(unwrap<T>(entry, key));
		return { items, totalCount: items.length };
	}
	if (!body || typeof body !== 'object') return { items, totalCount };
	const record = body as Record<string, unknown>;
	const indexes = Object.keys(record)
		.filter((name) => /^\d+$/.test(name))
		.sort((a, b) => Number(a) - Number(b));
	for (const index of indexes) items.push(unwrap<T>(record[index], key));
	totalCount = Number(record.total_count ?? items.length) || items.length;
	return { items, totalCount };
}

function unwrap<T>(entry: unknown, key: string): T {
	const inner = (entry as Record<string, unknown> | null)?.[key];
	return (inner ?? entry) as T;
}

export interface PagedRead {
	path: string;
	key: string;
	qs?: IDataObject;
	/** Items wanted; undefined = every item (up to Omnidesk's 500 pages). */
	limit?: number;
	itemIndex?: number;
}

/** Reads a keyed-object list page by page until the limit, the total_count or an empty page. */
export async function omnideskList<T = IDataObject>(
	context: RequestContext,
	read: PagedRead,
): Promise<T[]> {
	const wanted = read.limit ?? Number.POSITIVE_INFINITY;
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number.isFinite(wanted) ? wanted : 100));
	const all: T[] = [];
	for (let page = 1; page <= MAX_PAGE && all.length < wanted; page++) {
		const body = await omnideskRequest(context, {
			method: 'GET',
			path: read.path,
			qs: { ...read.qs, page, limit: pageSize },
			idempotent: true,
			itemIndex: read.itemIndex,
		});
		const { items, totalCount } = listItems<T>(body, read.key);
		all.push(...items);
		if (items.length < pageSize || all.length >= totalCount) break;
	}
	return all.slice(0, wanted);
}
