import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	conversationInfo,
	tryParseConversationKey,
	type ConversationInfo,
	type KeyValueMemory,
} from '../../shared';
import { dialogStates, turnedOn } from './memory';
import type { AiTaskEvent } from './events';
import type { SelartiWebhook } from './parse';

/**
 * message_type values: "bot", "operator" and "user" are from the Selarti manual (not
 * re-confirmed); the other spellings are guesses that cost nothing to accept.
 */
const BOT_TYPES = new Set(['bot', 'ai', 'assistant']);
const OPERATOR_TYPES = new Set(['operator', 'manager', 'human', 'agent']);
const USER_TYPES = new Set(['user', 'client', 'customer', 'lead']);

/**
 * Which message a delivery carries, if it carries text. An unknown message_type falls back on
 * is_bot; when that is false too, the message is taken for the user's echo, which is dropped by
 * default: mistaking an echo for a reply would make a workflow answer itself in a loop.
 */
export function messageEventOf(body: SelartiWebhook): AiTaskEvent | undefined {
	if (body.message_text.trim() === '') return undefined;
	const type = (body.message_type ?? '').trim().toLowerCase();
	if (BOT_TYPES.has(type)) return 'reply';
	if (OPERATOR_TYPES.has(type)) return 'operatorMessage';
	if (USER_TYPES.has(type)) return 'userMessage';
	return body.is_bot ? 'reply' : 'userMessage';
}

/**
 * Contacts as a short comparable digest, or undefined when none were captured. A digest, not the
 * contacts: the state is remembered in static data, where it must stay small and free of personal data.
 */
function contactsState(body: SelartiWebhook): string | undefined {
	const contacts = body.contacts;
	const present =
		contacts !== undefined &&
		contacts !== null &&
		!(typeof contacts === 'string' && contacts.trim() === '') &&
		!(Array.isArray(contacts) && contacts.length === 0) &&
		!(
			typeof contacts === 'object' &&
			!Array.isArray(contacts) &&
			Object.keys(contacts).length === 0
		);
	if (present)
		return createHash('sha256').update(JSON.stringify(contacts), 'utf8').digest('hex').slice(0, 16);
	return body.get_contact ? 'captured' : undefined;
}

/**
 * Every event in one delivery, in the order a workflow should see them: the message first (so an
 * AI reply that also closes the dialog is never lost), then handoff, contact, close. Flags are
 * state, not events: "handoff" is reported when the operator flag turns on for a dialog, not on
 * every later message while it stays on (remembered in `memory`, shared by all n8n processes in
 * production: see memory.ts).
 */
export function classify(
	body: SelartiWebhook,
	scope: string,
	memory: KeyValueMemory<string> = dialogStates,
): AiTaskEvent[] {
	const events: AiTaskEvent[] = [];
	const message = messageEventOf(body);
	if (message) events.push(message);

	const dialogId = body.thread_id ?? body.external_chat_id;
	const dialog = dialogId ? `${scope}|${dialogId}` : undefined;
	if (turnedOn(dialog, 'operator', body.operator ? 'on' : undefined, memory))
		events.push('handoff');
	if (turnedOn(dialog, 'contacts', contactsState(body), memory)) events.push('contactCaptured');
	if (turnedOn(dialog, 'close', body.close ? 'on' : undefined, memory)) events.push('closed');
	return events;
}

/** The `conversation` block from external_chat_id; an unparseable id is kept, never dropped. */
export function conversationOf(externalChatId: string | undefined): ConversationInfo {
	const parsed = tryParseConversationKey(externalChatId);
	if (parsed.ok) return conversationInfo(parsed.route);
	const raw = externalChatId ?? '';
	return { channel: 'unknown', key: raw, chatId: raw, error: parsed.error };
}

/** One output item: the event and routing first, then every webhook field, typed. */
export function eventItem(event: AiTaskEvent, body: SelartiWebhook): IDataObject {
	return {
		event,
		conversation: conversationOf(body.external_chat_id),
		message: { id: body.message_id ?? '', text: body.message_text, type: body.message_type ?? '' },
		...(body as IDataObject),
	};
}
