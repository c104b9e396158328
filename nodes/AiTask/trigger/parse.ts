import { z } from 'zod';

import { describeZodError, flexibleBoolean, optionalId, optionalText, text } from '../../shared';

/**
 * The "All messages" integration webhook. Field names come from the Selarti manual; types and
 * values were never published, so ids may be numbers or strings and booleans may be spelled
 * "true", 1 or "yes". Unknown fields pass through untouched.
 */
export const selartiWebhookSchema = z
	.object({
		wh_type: optionalText,
		task_id: optionalId,
		external_chat_id: optionalId,
		thread_id: optionalId,
		channel_id: optionalId,
		company_id: optionalId,
		manager_id: optionalId,
		message_id: optionalId,
		message_type: optionalText,
		message_text: text,
		is_bot: flexibleBoolean,
		operator: flexibleBoolean,
		close: flexibleBoolean,
		success: flexibleBoolean,
		interest: flexibleBoolean,
		get_contact: flexibleBoolean,
		contacts: z.unknown().optional(),
		title: optionalText,
		panel_url: optionalText,
		share_url: optionalText,
	})
	.passthrough();

export type SelartiWebhook = z.infer<typeof selartiWebhookSchema>;

/** Fields of which at least one must be present for a body to be a Selarti delivery at all. */
const IDENTIFYING_FIELDS = [
	'external_chat_id',
	'thread_id',
	'task_id',
	'message_id',
	'message_text',
	'message_type',
	'wh_type',
];

export type ParsedWebhook = { ok: true; body: SelartiWebhook } | { ok: false; problem: string };

export function parseSelartiWebhook(body: Record<string, unknown>): ParsedWebhook {
	if (!IDENTIFYING_FIELDS.some((field) => body[field] !== undefined && body[field] !== null)) {
		return {
			ok: false,
			problem: `Not a Selarti "All messages" webhook: none of the fields ${IDENTIFYING_FIELDS.join(', ')} is present.`,
		};
	}
	const result = selartiWebhookSchema.safeParse(body);
	if (!result.success)
		return {
			ok: false,
			problem: `Invalid Selarti webhook body: ${describeZodError(result.error)}`,
		};
	return { ok: true, body: result.data };
}
