/**
 * Bodies Omnidesk posts to n8n (api-reference §2.6). A "Rules" webhook has no fixed body: the
 * admin writes it in the rule, so these builders produce the two shapes tests need:
 * - buildRulesWebhook: the flat all-strings template seen in one public project (§2.6,
 *   "every value a string", localized status and priority);
 * - buildAdminJsonWebhook: a nested body an admin might write for a chat bot, e.g.
 *   {"event":"new_message","message":{"kind":"visitor","text":"…"},"visitor":{…},"chat_id":123}.
 * Placeholder syntax is NOT FOUND (§2.6), so values are filled in directly. No signature is
 * documented (§2.6), so deliveries carry only the headers a test passes.
 * buildCustomChannelWebhook mirrors the custom-channel body of the fixture
 * sdk-custom-channel-webhook-message-new.json (0/1 integers for booleans).
 */
import type { OmnideskCase, OmnideskMessage } from './omnidesk-data';

export type OmnideskWebhookBody = Record<string, unknown>;

/** Localized labels as the UI shows them; "Низкий" and "открытое" are confirmed (§2.6), the rest inferred. */
export const RU_STATUS: Record<string, string> = {
	open: 'открытое',
	waiting: 'ожидающее',
	closed: 'закрытое',
};
export const RU_PRIORITY: Record<string, string> = {
	low: 'Низкий',
	normal: 'Обычный',
	high: 'Высокий',
	critical: 'Критический',
};

export interface WebhookContext {
	kase: OmnideskCase;
	/** The last message of the case (the one the rule fired for). */
	message?: OmnideskMessage;
	user?: { full_name?: string; email?: string; lang?: string };
	staffFullName?: string;
	/** Base of case_url (default https://example.omnidesk.ru). */
	deskUrl?: string;
}

/** The §2.6 template: every key the public project used, every value a string. */
export function buildRulesWebhook(
	context: WebhookContext,
	overrides: OmnideskWebhookBody = {},
): OmnideskWebhookBody {
	const { kase, message } = context;
	const desk = context.deskUrl ?? 'https://example.omnidesk.ru';
	const body: OmnideskWebhookBody = {
		case_number: kase.case_number,
		case_id: String(kase.case_id),
		case_subject: kase.subject,
		case_description: '',
		case_url: `${desk}/staff/cases/record/${kase.case_number}/`,
		note_text: '',
		last_message: message?.content_html || message?.content || '',
		case_group: String(kase.group_id),
		case_priority: RU_PRIORITY[kase.priority] ?? kase.priority,
		case_status: RU_STATUS[kase.status] ?? kase.status,
		case_tags: kase.labels.join(','),
		last_message_id: message ? String(message.message_id) : '',
		last_note_id: '',
		assigned_full_name: context.staffFullName ?? '',
		staff_full_name: context.staffFullName ?? '',
		staff_id: String(kase.staff_id),
		last_staff_id: message ? String(message.staff_id) : '0',
		user_full_name: context.user?.full_name ?? 'Ivan Ivanov',
		user_email: context.user?.email ?? 'ivan@example.com',
		user_id: String(kase.user_id),
		user_lang: context.user?.lang ?? 'ru',
	};
	for (const [field, value] of Object.entries(kase.custom_fields)) {
		body[`custom_field_${field.replace(/^cf_/, '')}`] = value;
	}
	return { ...body, ...overrides };
}

/** A nested admin-written body for a chat-style bot (the shape named in issue #11's brief). */
export function buildAdminJsonWebhook(
	context: WebhookContext,
	overrides: OmnideskWebhookBody = {},
): OmnideskWebhookBody {
	const { kase, message } = context;
	return {
		event: 'new_message',
		message: {
			kind: message && message.staff_id !== 0 ? 'staff' : 'visitor',
			text: message?.content || message?.content_html || '',
			id: message?.message_id ?? 0,
		},
		visitor: {
			id: kase.user_id,
			name: context.user?.full_name ?? 'Ivan Ivanov',
			email: context.user?.email ?? 'ivan@example.com',
		},
		chat_id: kase.case_id,
		case_number: kase.case_number,
		...overrides,
	};
}

/** The custom-channel "message_new" body (fixture sdk-custom-channel-webhook-message-new.json). */
export function buildCustomChannelWebhook(
	caseId: number,
	message: OmnideskMessage,
	customUserId = '00000000-0000-4000-8000-000000000001',
): OmnideskWebhookBody {
	return {
		type: 'message_new',
		object: {
			message_id: message.message_id,
			case_id: caseId,
			staff_id: message.staff_id,
			user_id: message.user_id,
			custom_user_id: customUserId,
			content: message.content,
			note: message.note ? 1 : 0,
			sent_via_rule: message.sent_via_rule ? 1 : 0,
		},
	};
}
