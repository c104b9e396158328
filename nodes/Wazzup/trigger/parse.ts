import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { flexibleBoolean, isoDate, optionalId, optionalText } from '../../shared';

/**
 * Wazzup delivery bodies (api-reference §3.4). Wazzup's own examples are not always valid JSON
 * and fields come as strings or numbers, so every field is lenient and everything unknown is kept
 * under `raw`. A delivery is usable when it holds at least one of the known parts.
 */

const object = z.record(z.unknown());

export const messageSchema = z
	.object({
		messageId: optionalId,
		channelId: optionalId,
		chatType: optionalText,
		chatId: optionalId,
		dateTime: z.union([z.string(), z.number()]).optional().nullable(),
		type: optionalText,
		isEcho: flexibleBoolean,
		isEdited: flexibleBoolean,
		isDeleted: flexibleBoolean,
		text: optionalText,
		contentUri: optionalText,
		status: optionalText,
		authorName: optionalText,
		authorId: optionalId,
		sentFromApp: flexibleBoolean,
		contact: object.optional().nullable(),
		quotedMessage: object.optional().nullable(),
	})
	.passthrough();

export const statusSchema = z
	.object({
		messageId: optionalId,
		timestamp: z.union([z.string(), z.number()]).optional().nullable(),
		status: optionalText,
		error: z.unknown().optional(),
	})
	.passthrough();

export const channelUpdateSchema = z
	.object({ channelId: optionalId, state: optionalText })
	.passthrough();

export type WazzupMessage = z.infer<typeof messageSchema>;
export type WazzupStatus = z.infer<typeof statusSchema>;
export type WazzupChannelUpdate = z.infer<typeof channelUpdateSchema>;

/** What one delivery holds, each part checked; entries that are not objects are counted. */
export interface Delivery {
	messages: Array<{ parsed: WazzupMessage; raw: IDataObject }>;
	statuses: Array<{ parsed: WazzupStatus; raw: IDataObject }>;
	channelsUpdates: Array<{ parsed: WazzupChannelUpdate; raw: IDataObject }>;
	createContact?: IDataObject;
	createDeal?: IDataObject;
	templateStatus?: IDataObject;
	/** Entries dropped because they were not objects or broke the schema. */
	rejected: number;
}

const PARTS = [
	'messages',
	'statuses',
	'channelsUpdates',
	'createContact',
	'createDeal',
	'templateStatus',
] as const;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A part may come as an array or, in some examples, as a single object. */
function entries(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return value === undefined || value === null ? [] : [value];
}

function parseEach<S extends z.ZodTypeAny>(
	value: unknown,
	schema: S,
	delivery: Delivery,
): Array<{ parsed: z.infer<S>; raw: IDataObject }> {
	const out: Array<{ parsed: z.infer<S>; raw: IDataObject }> = [];
	for (const entry of entries(value)) {
		const result = isObject(entry) ? schema.safeParse(entry) : undefined;
		if (result?.success) out.push({ parsed: result.data, raw: entry as IDataObject });
		else delivery.rejected++;
	}
	return out;
}

/**
 * The delivery, or a problem when the body holds none of Wazzup's parts (a wrong sender, a
 * test tool). `{test: true}` is handled before this.
 */
export function parseDelivery(
	body: IDataObject,
): { ok: true; delivery: Delivery } | { ok: false; problem: string } {
	if (!PARTS.some((part) => part in body)) {
		return {
			ok: false,
			problem: `Not a Wazzup delivery: none of ${PARTS.join(', ')} is present.`,
		};
	}
	const delivery: Delivery = { messages: [], statuses: [], channelsUpdates: [], rejected: 0 };
	delivery.messages = parseEach(body.messages, messageSchema, delivery);
	delivery.statuses = parseEach(body.statuses, statusSchema, delivery);
	delivery.channelsUpdates = parseEach(body.channelsUpdates, channelUpdateSchema, delivery);
	for (const part of ['createContact', 'createDeal', 'templateStatus'] as const) {
		const value = body[part];
		if (value === undefined || value === null) continue;
		if (isObject(value)) delivery[part] = value;
		else delivery.rejected++;
	}
	return { ok: true, delivery };
}

/** Wazzup's dateTime, "yyyy-mm-ddThh:mm:ss.ms" with or without a zone (UTC when none), as ISO. */
export function isoDateTime(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		// Seconds or milliseconds since 1970.
		return isoDate(value < 1e12 ? value * 1000 : value);
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const date = new Date(hasZone ? text : `${text.replace(' ', 'T')}Z`);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
