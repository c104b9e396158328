/**
 * Builders for Wazzup webhook bodies (api-reference §3.4). No real Wazzup body is published in a
 * public test suite (shared/fixtures has none), so these follow the §3.4 payload summary:
 * `messages[]` and `statuses[]` (may come together), `channelsUpdates[]`, and deliveries that
 * carry only `createContact`, `createDeal` or `templateStatus`.
 * Marked "inferred" below: shapes §3.4 does not give (channelsUpdates' extra fields,
 * createContact / createDeal / templateStatus contents). Overrides replace fields verbatim, so a
 * test can send any odd value.
 */
import { randomUUID } from 'node:crypto';

export type WazzupMessageType =
	| 'text'
	| 'image'
	| 'audio'
	| 'video'
	| 'document'
	| 'vcard'
	| 'geo'
	| 'wapi_template'
	| 'unsupported'
	| 'missing_call';

export type WazzupMessageStatus = 'sent' | 'delivered' | 'read' | 'error' | 'inbound';

/** chatType values (§3.5). */
export const WAZZUP_CHAT_TYPES = [
	'whatsapp',
	'whatsgroup',
	'instagram',
	'telegram',
	'telegroup',
	'viber',
	'vk',
	'avito',
	'max',
	'maxgroup',
] as const;

export type WazzupWebhookMessage = Record<string, unknown>;
export type WazzupWebhookBody = Record<string, unknown>;

/** Wazzup's dateTime spelling, "yyyy-mm-ddThh:mm:ss.ms" (§3.4): ISO without the zone. */
export function wazzupDateTime(date = new Date()): string {
	return date.toISOString().replace(/Z$/, '');
}

/** An incoming text from a client (isEcho false, status inbound) unless overridden. */
export function buildWazzupMessage(
	overrides: Partial<WazzupWebhookMessage> = {},
): WazzupWebhookMessage {
	return {
		messageId: randomUUID(),
		channelId: randomUUID(),
		chatType: 'whatsapp',
		chatId: '79011112233',
		dateTime: wazzupDateTime(),
		type: 'text',
		isEcho: false,
		text: 'Hello! Do you deliver on Sundays?',
		status: 'inbound',
		contact: {
			name: 'Ivan Petrov',
			avatarUri: 'https://store.wazzup24.com/avatar/79011112233.jpg',
		},
		sentFromApp: false,
		isEdited: false,
		isDeleted: false,
		...overrides,
	};
}

/**
 * An outgoing message as Wazzup echoes it (isEcho true): sent from Wazzup's UI, the phone, or
 * an API send (§3.4: clients filter isEcho to avoid reply loops).
 */
export function buildWazzupEcho(
	overrides: Partial<WazzupWebhookMessage> = {},
): WazzupWebhookMessage {
	return buildWazzupMessage({
		isEcho: true,
		status: 'sent',
		text: 'We do, from 10 to 18.',
		authorName: 'Manager Anna',
		authorId: 'crm-user-1',
		...overrides,
	});
}

/** Media message: the file is behind contentUri, text absent (§3.4 fields). */
export function buildWazzupMediaMessage(
	type: Exclude<WazzupMessageType, 'text'>,
	overrides: Partial<WazzupWebhookMessage> = {},
): WazzupWebhookMessage {
	const base = buildWazzupMessage({
		type,
		contentUri: `https://store.wazzup24.com/${randomUUID()}`,
	});
	delete base.text;
	return { ...base, ...overrides };
}

export function buildWazzupStatus(
	overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
	return {
		messageId: randomUUID(),
		timestamp: wazzupDateTime(),
		status: 'delivered',
		...overrides,
	};
}

/**
 * A failed-send status with one of the §3.4 error codes. The `error` object's fields are
 * inferred ({error, description}, the API's error spelling, §3.1).
 */
export function buildWazzupErrorStatus(
	messageId: string,
	code = 'BAD_CONTACT',
	description = 'The contact cannot receive messages',
): Record<string, unknown> {
	return buildWazzupStatus({ messageId, status: 'error', error: { error: code, description } });
}

/** §3.4 gives channelId and state; transport and plainId are inferred (GET /v3/channels' fields). */
export function buildWazzupChannelUpdate(
	overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
	return { channelId: randomUUID(), state: 'disabled', ...overrides };
}

/**
 * createContact: shape inferred (§3.4 says only that the delivery carries this object alone and
 * that Wazzup expects the created contact in the 200 answer).
 */
export function buildWazzupCreateContact(
	overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
	return {
		responsibleUserId: 'crm-user-1',
		name: 'Ivan Petrov',
		contactData: [{ chatType: 'whatsapp', chatId: '79011112233' }],
		source: 'auto',
		...overrides,
	};
}

/** createDeal: shape inferred, as createContact. */
export function buildWazzupCreateDeal(
	overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
	return {
		responsibleUserId: 'crm-user-1',
		contacts: ['contact-1'],
		source: 'auto',
		...overrides,
	};
}

/** templateStatus (WABA template moderation): shape inferred. */
export function buildWazzupTemplateStatus(
	overrides: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
	return {
		templateGuid: randomUUID(),
		name: 'order_ready',
		status: 'approved',
		...overrides,
	};
}

/** Which subscription switch (PATCH /v3/webhooks, §3.4) a delivery kind needs. */
export type WazzupSubscription =
	| 'messagesAndStatuses'
	| 'contactsAndDealsCreation'
	| 'channelsUpdates'
	| 'templateStatus';

/** Wraps parts into one delivery body; messages and statuses may travel together (§3.4). */
export function buildWazzupWebhook(parts: {
	messages?: WazzupWebhookMessage[];
	statuses?: Array<Record<string, unknown>>;
	channelsUpdates?: Array<Record<string, unknown>>;
	createContact?: Record<string, unknown>;
	createDeal?: Record<string, unknown>;
	templateStatus?: Record<string, unknown>;
}): WazzupWebhookBody {
	const body: WazzupWebhookBody = {};
	for (const [key, value] of Object.entries(parts)) if (value !== undefined) body[key] = value;
	return body;
}

/** The subscription a body needs (the first part found decides). */
export function subscriptionFor(body: WazzupWebhookBody): WazzupSubscription | undefined {
	if ('messages' in body || 'statuses' in body) return 'messagesAndStatuses';
	if ('createContact' in body || 'createDeal' in body) return 'contactsAndDealsCreation';
	if ('channelsUpdates' in body) return 'channelsUpdates';
	if ('templateStatus' in body) return 'templateStatus';
	return undefined;
}
