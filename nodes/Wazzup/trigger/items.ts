import type { IDataObject } from 'n8n-workflow';

import {
	compact,
	conversationInfo,
	isDuplicateDelivery,
	type Attachment,
	type ConversationEvent,
	type KeyValueMemory,
	TriggerRedeliveries,
} from '../../shared';
import type { WazzupEvent } from './events';
import { isoDateTime, type Delivery, type WazzupMessage } from './parse';

const WINDOW_MS = 60 * 60 * 1000;

/**
 * Wazzup repeats a delivery that got no 200 in time; a repeat within the hour is dropped. In
 * production the node's static data decides, shared by every n8n process (`deliveryMemory`,
 * docs/architecture.md, "Queue mode"); this per-process memory is its fast path, and the only
 * memory of test deliveries.
 */
export const deliveries = new TriggerRedeliveries('recentDeliveries', WINDOW_MS);
export const seenDeliveries = deliveries.recent;
export const forgetDeliveries = (): void => deliveries.forget();

export interface ItemSettings {
	events: readonly string[];
	/** Only these channels; empty: all. */
	channelIds: readonly string[];
	/** Where repeats are remembered: one workflow's trigger node. */
	scope: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function eventOf(message: WazzupMessage): WazzupEvent {
	if (message.isDeleted) return 'deleted';
	if (message.isEdited) return 'edited';
	if (message.isEcho) return 'echo';
	return 'message';
}

/** The shared conversation event for one message (docs/architecture.md). */
export function messageEvent(
	parsed: WazzupMessage,
	raw: IDataObject,
	event: WazzupEvent,
): ConversationEvent | undefined {
	const channelId = parsed.channelId;
	const chatId = parsed.chatId;
	const chatType = parsed.chatType;
	// Without these three nobody can answer: such a message is not usable as a conversation.
	if (!channelId || !chatId || !chatType) return undefined;
	const contact = (parsed.contact ?? {}) as IDataObject;
	const quoted = (parsed.quotedMessage ?? {}) as IDataObject;
	const attachments: Attachment[] = parsed.contentUri
		? [{ kind: parsed.type ?? 'file', url: parsed.contentUri }]
		: [];
	return {
		event,
		conversation: conversationInfo({ channel: 'wazzup', channelId, chatType, chatId }),
		message: compact({
			id: parsed.messageId ?? '',
			text: parsed.text ?? '',
			type: parsed.type ?? (parsed.contentUri ? 'file' : 'text'),
			replyToId: text(quoted.messageId),
			attachments,
			date: isoDateTime(parsed.dateTime),
			status: parsed.status,
			isEcho: parsed.isEcho,
			sentFromApp: parsed.sentFromApp,
			authorName: parsed.authorName,
			authorId: parsed.authorId,
		}) as ConversationEvent['message'],
		contact: compact({
			name: text(contact.name),
			phone: text(contact.phone) ?? (chatType === 'whatsapp' ? chatId : undefined),
			username: text(contact.username),
			avatarUrl: text(contact.avatarUri),
		}),
		raw,
	};
}

/** Which repeat a delivery part is: an edit is new when its text is new, a status per status. */
function deliveryId(event: string, id: string | undefined, detail = ''): string | undefined {
	return id ? `${event}:${id}:${detail}` : undefined;
}

/**
 * One item per message, status and channel update (a delivery may carry several of each), and
 * one for a creation request or template status; filtered by event and channel, repeats dropped.
 */
export function deliveryItems(
	delivery: Delivery,
	settings: ItemSettings,
	memory: KeyValueMemory<true> = seenDeliveries,
): IDataObject[] {
	const wanted = new Set(settings.events);
	const channelAllowed = (channelId: string | undefined) =>
		settings.channelIds.length === 0 || (!!channelId && settings.channelIds.includes(channelId));
	const fresh = (id: string | undefined) => !isDuplicateDelivery(memory, settings.scope, id);
	const items: IDataObject[] = [];

	for (const { parsed, raw } of delivery.messages) {
		const event = eventOf(parsed);
		if (!wanted.has(event) || !channelAllowed(parsed.channelId)) continue;
		const item = messageEvent(parsed, raw, event);
		if (!item) continue;
		if (!fresh(deliveryId(event, parsed.messageId, event === 'edited' ? (parsed.text ?? '') : '')))
			continue;
		items.push(item);
	}
	if (wanted.has('status')) {
		for (const { parsed, raw } of delivery.statuses) {
			if (!fresh(deliveryId('status', parsed.messageId, parsed.status ?? ''))) continue;
			items.push({
				event: 'status',
				status: compact({
					messageId: parsed.messageId,
					status: parsed.status,
					date: isoDateTime(parsed.timestamp),
					error: parsed.error as IDataObject | undefined,
				}),
				raw,
			});
		}
	}
	if (wanted.has('channel')) {
		for (const { parsed, raw } of delivery.channelsUpdates) {
			if (!channelAllowed(parsed.channelId)) continue;
			items.push({
				event: 'channel',
				channel: compact({ channelId: parsed.channelId, state: parsed.state }),
				raw,
			});
		}
	}
	for (const event of ['createContact', 'createDeal', 'templateStatus'] as const) {
		const raw = delivery[event];
		if (raw && wanted.has(event)) items.push({ event, [event]: raw, raw });
	}
	return items;
}
