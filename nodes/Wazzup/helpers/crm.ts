import type { IDataObject } from 'n8n-workflow';

import { InputError, parseJsonParameter } from '../../shared';
import { BULK_LIMIT } from '../transport';

/**
 * Wazzup's CRM entities (contacts, deals, users): written in batches (at most 100 per request,
 * api-reference §3.1 TOO_MANY_ENTITIES), read one by one or page by page. The routes and bodies
 * beyond §3.1 are not in our API reference (NOT FOUND): /v3/<entity> for POST (create or update
 * by `id`), GET, GET /<id> and DELETE /<id>, paged with `offset`, as Wazzup's API page shows them.
 */
export interface CrmEntity {
	/** Route under /v3. */
	path: 'contacts' | 'deals' | 'users';
	/** "contact", for messages and action names. */
	singular: string;
	/** An example for the JSON field. */
	example: string;
}

export const CONTACTS: CrmEntity = {
	path: 'contacts',
	singular: 'contact',
	example:
		'[\n  {\n    "id": "crm-contact-1",\n    "responsibleUserId": "crm-user-1",\n    "name": "Ivan Petrov",\n    "contactData": [{ "chatType": "whatsapp", "chatId": "79011112233" }]\n  }\n]',
};

export const DEALS: CrmEntity = {
	path: 'deals',
	singular: 'deal',
	example:
		'[\n  {\n    "id": "crm-deal-1",\n    "responsibleUserId": "crm-user-1",\n    "name": "Order 42",\n    "contacts": ["crm-contact-1"],\n    "uri": "https://crm.example.com/deals/42"\n  }\n]',
};

export const USERS: CrmEntity = {
	path: 'users',
	singular: 'user',
	example: '[\n  { "id": "crm-user-1", "name": "Anna", "phone": "79990001122" }\n]',
};

/** The entities of the JSON field: one object or an array of them, each with an `id`. */
export function entitiesOf(value: unknown, entity: CrmEntity): IDataObject[] {
	const parsed = parseJsonParameter(value);
	if (!parsed.ok) {
		throw new InputError(
			`The ${entity.singular} JSON is not valid JSON: ${parsed.problem}`,
			`Write an object or an array of objects, e.g. ${entity.example.replace(/\s+/g, ' ')}`,
		);
	}
	const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
	return list.map((entry, index) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new InputError(`Entry ${index + 1} of the ${entity.singular} JSON is not an object.`);
		}
		const id = (entry as IDataObject).id;
		if (id === undefined || id === null || String(id).trim() === '') {
			throw new InputError(
				`Entry ${index + 1} of the ${entity.singular} JSON has no "id".`,
				`Every ${entity.singular} needs your CRM's id: Wazzup creates or updates by it.`,
			);
		}
		return entry as IDataObject;
	});
}

/** Splits into requests of at most 100 entities. */
export function batches<T>(entries: T[], size = BULK_LIMIT): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < entries.length; start += size)
		out.push(entries.slice(start, start + size));
	return out;
}

/** A page of a list answer: an array, or `{count, data}`. */
export function pageOf(answer: unknown): { entries: IDataObject[]; count?: number } {
	if (Array.isArray(answer)) return { entries: answer as IDataObject[] };
	const object = (answer ?? {}) as IDataObject;
	const data = Array.isArray(object.data) ? (object.data as IDataObject[]) : [];
	return { entries: data, count: typeof object.count === 'number' ? object.count : undefined };
}
