import { z } from 'zod';

import { describeZodError, optionalId, optionalText } from '../../shared';

/**
 * 360dialog's webhook bodies in both shapes (api-reference §4.3): the Cloud API envelope
 * {object, entry[{id, changes[{field, value}]}]} and On-Premise's top-level messages / contacts /
 * statuses / errors. Real bodies differ from the docs (test/fixtures/360dialog): timestamps are
 * strings, a message may have no `from` (only a BSUID `from_user_id`), a media message may have
 * no `type`, errors can sit on the value itself, and fields come and go: everything unknown
 * passes through untouched and ids are read as strings.
 */
const looseObject = z.object({}).passthrough();

const errorSchema = z
	.object({
		code: optionalId,
		title: optionalText,
		message: optionalText,
		error_data: z.object({ details: optionalText }).passthrough().optional().nullable(),
	})
	.passthrough();

const contactSchema = z
	.object({
		wa_id: optionalId,
		user_id: optionalId,
		profile: z
			.object({ name: optionalText, username: optionalText })
			.passthrough()
			.optional()
			.nullable(),
	})
	.passthrough();

const messageSchema = z
	.object({
		id: optionalId,
		from: optionalId,
		from_user_id: optionalId,
		timestamp: optionalId,
		type: optionalText,
		context: looseObject.optional().nullable(),
		errors: z.array(errorSchema).optional().nullable(),
	})
	.passthrough();

const statusSchema = z
	.object({
		id: optionalId,
		status: optionalText,
		timestamp: optionalId,
		recipient_id: optionalId,
		errors: z.array(errorSchema).optional().nullable(),
	})
	.passthrough();

const list = <T extends z.ZodTypeAny>(schema: T) =>
	z.preprocess((value) => (value === null ? undefined : value), z.array(schema).optional());

export const valueSchema = z
	.object({
		metadata: z
			.object({ phone_number_id: optionalId, display_phone_number: optionalText })
			.passthrough()
			.optional()
			.nullable(),
		contacts: list(contactSchema),
		messages: list(messageSchema),
		statuses: list(statusSchema),
		errors: list(errorSchema),
	})
	.passthrough();

const cloudSchema = z
	.object({
		object: optionalText,
		entry: z.array(
			z
				.object({
					id: optionalId,
					changes: list(
						z
							.object({ field: optionalText, value: valueSchema.optional().nullable() })
							.passthrough(),
					),
				})
				.passthrough(),
		),
	})
	.passthrough();

export type WebhookValue = z.infer<typeof valueSchema>;
export type InboundMessage = z.infer<typeof messageSchema>;
export type InboundContact = z.infer<typeof contactSchema>;
export type InboundStatus = z.infer<typeof statusSchema>;
export type InboundError = z.infer<typeof errorSchema>;

/** One thing a delivery reports, with where it came from. A delivery can hold several. */
export type DeliveryEntry = {
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	wabaId?: string;
	contacts: InboundContact[];
} & (
	| { kind: 'message'; message: InboundMessage }
	| { kind: 'status'; status: InboundStatus }
	| { kind: 'error'; error: InboundError }
);

export type ParsedDelivery =
	| { ok: true; entries: DeliveryEntry[] }
	| { ok: false; problem: string };

const VALUE_FIELDS = ['messages', 'statuses', 'errors', 'contacts'];

function entriesOf(value: WebhookValue, wabaId?: string): DeliveryEntry[] {
	const where = {
		phoneNumberId: value.metadata?.phone_number_id,
		displayPhoneNumber: value.metadata?.display_phone_number,
		wabaId,
		contacts: value.contacts ?? [],
	};
	return [
		...(value.messages ?? []).map((message) => ({ ...where, kind: 'message' as const, message })),
		...(value.statuses ?? []).map((status) => ({ ...where, kind: 'status' as const, status })),
		...(value.errors ?? []).map((error) => ({ ...where, kind: 'error' as const, error })),
	];
}

/** A delivery as a flat list of messages, statuses and errors, or why it is not a 360dialog body. */
export function parseDelivery(body: Record<string, unknown>): ParsedDelivery {
	if ('entry' in body) {
		const parsed = cloudSchema.safeParse(body);
		if (!parsed.success)
			return { ok: false, problem: `Not a 360dialog webhook: ${describeZodError(parsed.error)}` };
		const entries = parsed.data.entry.flatMap((entry) =>
			(entry.changes ?? []).flatMap((change) =>
				change.value ? entriesOf(change.value, entry.id) : [],
			),
		);
		return { ok: true, entries };
	}
	if (!VALUE_FIELDS.some((field) => Array.isArray(body[field])))
		return {
			ok: false,
			problem: `Not a 360dialog webhook: no "entry" (Cloud API) and none of ${VALUE_FIELDS.join(', ')} (On-Premise).`,
		};
	const parsed = valueSchema.safeParse(body);
	if (!parsed.success)
		return { ok: false, problem: `Not a 360dialog webhook: ${describeZodError(parsed.error)}` };
	return { ok: true, entries: entriesOf(parsed.data) };
}
