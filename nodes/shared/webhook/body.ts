import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { restoreExactIds } from '../schema/exactIds';
import { contentTypeProblem, parseContentType, type AcceptedBody } from './contentType';

export type BodyResult = { ok: true; body: IDataObject } | { ok: false; problem: string };

/** A delivery's body, or the answer to refuse it with: 415 for its Content-Type, 400 for its body. */
export type DeliveryBody =
	| { ok: true; body: IDataObject }
	| { ok: false; status: 400 | 415; problem: string };

/** Far deeper than any provider's delivery (they nest a handful of levels). */
export const MAX_BODY_DEPTH = 64;

function isPlainObject(value: unknown): value is IDataObject {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}

/**
 * The delivery's JSON object. n8n parses application/json itself (and answers 422 to broken
 * JSON), but some senders label JSON as text/plain or send nothing at all; those are parsed
 * from the raw body here or reported, so the caller can answer 400 without starting a run.
 */
export function readJsonObjectBody(context: IWebhookFunctions): BodyResult {
	const result = readObject(context);
	if (result.ok && nestedDeeperThan(result.body, MAX_BODY_DEPTH)) {
		return {
			ok: false,
			problem: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep; no provider sends that.`,
		};
	}
	if (result.ok) restoreExactIds(result.body, () => rawText(context));
	return result;
}

function rawText(context: IWebhookFunctions): string {
	const raw = (context.getRequestObject() as { rawBody?: unknown }).rawBody;
	return Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
}

/**
 * Every trigger's one way to read a delivery: the Content-Type first (only what the provider
 * sends, `accepted`), then the body as an object. Call it after the secret check.
 */
export function readDeliveryBody(
	context: IWebhookFunctions,
	accepted: readonly AcceptedBody[] = ['json'],
): DeliveryBody {
	const header = context.getHeaderData()['content-type'];
	const refused = contentTypeProblem(header, accepted);
	if (refused !== undefined) return { ok: false, status: 415, problem: refused };
	const isForm = parseContentType(String(header)).mediaType === 'application/x-www-form-urlencoded';
	const read = isForm ? readFormBody(context) : readJsonObjectBody(context);
	return read.ok ? read : { ok: false, status: 400, problem: read.problem };
}

/** n8n parses a form body into an object of strings (and string arrays for repeated keys). */
function readFormBody(context: IWebhookFunctions): BodyResult {
	const body: unknown = context.getBodyData();
	if (!isPlainObject(body) || Object.keys(body).length === 0) {
		return { ok: false, problem: 'The request body is empty; a form with fields was expected.' };
	}
	// n8n's form parser makes objects without a prototype; the rest of the code expects plain ones.
	return { ok: true, body: Object.fromEntries(Object.entries(body)) as IDataObject };
}

/**
 * Whether a parsed body nests objects or arrays deeper than `limit`, checked without recursion:
 * a hostile body 10,000 levels deep must be refused before any recursive walk (zod, n8n's own
 * copies) overflows the stack.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
	const pending: Array<[unknown, number]> = [[value, 0]];
	while (pending.length > 0) {
		const [current, depth] = pending.pop()!;
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= limit) return true;
		for (const child of Object.values(current)) pending.push([child, depth + 1]);
	}
	return false;
}

function readObject(context: IWebhookFunctions): BodyResult {
	const body: unknown = context.getBodyData();
	if (isPlainObject(body) && Object.keys(body).length > 0) return { ok: true, body };

	const text = rawText(context);
	if (text.trim() === '') {
		return isPlainObject(body)
			? { ok: false, problem: 'The request body is empty; a JSON object was expected.' }
			: { ok: false, problem: 'The request body is not a JSON object.' };
	}
	try {
		const parsed: unknown = JSON.parse(text);
		if (isPlainObject(parsed)) return { ok: true, body: parsed };
		return { ok: false, problem: 'The request body is JSON but not an object.' };
	} catch {
		return { ok: false, problem: 'The request body is not valid JSON.' };
	}
}
