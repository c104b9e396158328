import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import {
	buildConversationKey,
	compact,
	isoDate,
	type Attachment,
	type ConversationEvent,
	type ConversationInfo,
} from '../../shared';
import type { DeliveryEntry, InboundContact, InboundError, InboundMessage } from './parse';

/** The events the trigger offers (the `event` field of its items). */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Error',
		value: 'error',
		description: 'An error 360dialog or WhatsApp reports outside a message status',
	},
	{
		name: 'Message',
		value: 'message',
		description:
			'Text, media, button and list replies, template buttons, locations, contacts, unsupported',
	},
	{
		name: 'Reaction',
		value: 'reaction',
		description: 'The user reacted to a message with an emoji',
	},
	{
		name: 'Status',
		value: 'status',
		description: 'A sent message was sent, delivered, read or failed',
	},
];

export const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
];

const MEDIA_KINDS = ['image', 'document', 'audio', 'video', 'sticker', 'voice'];

export type Dialog360Event = ConversationEvent;

function conversation(
	phoneNumberId: string | undefined,
	waId: string | undefined,
): ConversationInfo {
	const route = {
		channel: '360dialog' as const,
		phoneNumberId: phoneNumberId || 'default',
		waId: waId ?? '',
	};
	// A status without recipient_id (On-Premise) names no chat: it keeps an empty key.
	const key = waId ? buildConversationKey(route) : '';
	return { key, chatId: waId ?? '', ...route };
}

function object(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The type of a message; real bodies sometimes leave it out, then the payload key tells it. */
function messageType(message: InboundMessage): string {
	if (message.type) return message.type;
	const record = message as IDataObject;
	return (
		[...MEDIA_KINDS, 'text', 'interactive', 'button', 'location', 'contacts', 'reaction'].find(
			(kind) => record[kind] !== undefined,
		) ?? 'unknown'
	);
}

function contactOf(entry: DeliveryEntry, message: InboundMessage): InboundContact | undefined {
	return (
		entry.contacts.find((c) => message.from && c.wa_id === message.from) ??
		entry.contacts.find((c) => message.from_user_id && c.user_id === message.from_user_id) ??
		(entry.contacts.length === 1 ? entry.contacts[0] : undefined)
	);
}

interface Content {
	type: string;
	text: string;
	attachments: Attachment[];
	extra: IDataObject;
}

function mediaAttachment(kind: string, media: IDataObject): Attachment {
	return compact({
		kind,
		id: text(media.id),
		// Cloud bodies carry no URL (download by id through the API); On-Premise ones may.
		url: text(media.url) ?? text(media.link),
		mimeType: text(media.mime_type),
		fileName: text(media.filename),
		sha256: text(media.sha256),
	}) as Attachment;
}

/** What the message says, as text the AI can read, plus its files and its structured parts. */
function contentOf(message: InboundMessage): Content {
	const type = messageType(message);
	const record = message as IDataObject;
	const payload = object(record[type]);
	if (type === 'text') return { type, text: text(payload.body) ?? '', attachments: [], extra: {} };
	if (MEDIA_KINDS.includes(type))
		return {
			type,
			text: text(payload.caption) ?? '',
			attachments: [mediaAttachment(type, payload)],
			extra: {},
		};
	if (type === 'interactive') {
		const kind = text(payload.type) ?? '';
		const reply = object(payload[kind] ?? payload.button_reply ?? payload.list_reply);
		return {
			type: kind || 'interactive',
			text: text(reply.title) ?? '',
			attachments: [],
			extra: compact({
				replyId: text(reply.id),
				replyTitle: text(reply.title),
				replyDescription: text(reply.description),
			}),
		};
	}
	if (type === 'button')
		// A template's quick-reply button; payload may be null (On-Premise).
		return {
			type: 'template_button',
			text: text(payload.text) ?? '',
			attachments: [],
			extra: compact({
				replyId: text(payload.payload) ?? text(payload.text),
				replyTitle: text(payload.text),
			}),
		};
	if (type === 'location') {
		const where = [text(payload.name), text(payload.address)].filter(Boolean).join(', ');
		const coordinates = `${text(payload.latitude) ?? ''},${text(payload.longitude) ?? ''}`;
		return {
			type,
			text: where ? `location:${coordinates} ${where}` : `location:${coordinates}`,
			attachments: [],
			extra: { location: payload },
		};
	}
	if (type === 'contacts') {
		const cards = Array.isArray(record.contacts) ? (record.contacts as IDataObject[]) : [];
		const lines = cards.map((card) => {
			const name = text(object(card.name).formatted_name) ?? '';
			const phones = (Array.isArray(card.phones) ? (card.phones as IDataObject[]) : [])
				.map((phone) => text(phone.phone))
				.filter(Boolean);
			return `contact: ${[name, ...phones].filter(Boolean).join(' ')}`;
		});
		return { type, text: lines.join('\n'), attachments: [], extra: { contacts: cards } };
	}
	if (type === 'reaction')
		return {
			type,
			text: text(payload.emoji) ?? '',
			attachments: [],
			extra: compact({ reactedToId: text(payload.message_id), emoji: text(payload.emoji) }),
		};
	return { type, text: '', attachments: [], extra: {} };
}

function errorsOf(errors: InboundError[] | null | undefined): IDataObject[] {
	return (errors ?? []).map((error) =>
		compact({
			code: error.code,
			title: error.title,
			message: error.message,
			details: text(object(error.error_data).details),
		}),
	);
}

function secondsToIso(timestamp: string | undefined): string | undefined {
	const seconds = Number(timestamp);
	return seconds > 0 ? isoDate(seconds * 1000) : undefined;
}

/** One message, status or error of a delivery as the shared conversation event. */
export function toConversationEvent(entry: DeliveryEntry, raw: IDataObject): Dialog360Event {
	const where = compact({
		phoneNumberId: entry.phoneNumberId,
		displayPhoneNumber: entry.displayPhoneNumber,
		wabaId: entry.wabaId,
	});
	if (entry.kind === 'message') {
		const message = entry.message;
		const contact = contactOf(entry, message);
		// A user known only by a BSUID (no phone): the key carries the BSUID instead.
		const waId = message.from ?? contact?.wa_id ?? message.from_user_id ?? contact?.user_id;
		const content = contentOf(message);
		const context = object(message.context);
		return {
			event: content.type === 'reaction' ? 'reaction' : 'message',
			conversation: { ...conversation(entry.phoneNumberId, waId), ...where },
			message: compact({
				id: message.id ?? '',
				text: content.text,
				type: content.type,
				replyToId: text(context.id),
				forwarded: context.forwarded === true ? true : undefined,
				timestamp: message.timestamp,
				date: secondsToIso(message.timestamp),
				attachments: content.attachments,
				errors: message.errors?.length ? errorsOf(message.errors) : undefined,
				...content.extra,
			}) as Dialog360Event['message'],
			contact: compact({
				id: waId,
				name: contact?.profile?.name,
				phone: message.from ?? contact?.wa_id,
				username: contact?.profile?.username,
				userId: message.from_user_id ?? contact?.user_id,
			}),
			raw,
		};
	}
	if (entry.kind === 'status') {
		const status = entry.status;
		return {
			event: 'status',
			conversation: { ...conversation(entry.phoneNumberId, status.recipient_id), ...where },
			message: { id: status.id ?? '', text: '', type: 'status', attachments: [] },
			status: compact({
				id: status.id,
				status: status.status,
				timestamp: status.timestamp,
				date: secondsToIso(status.timestamp),
				recipientId: status.recipient_id,
				errors: status.errors?.length ? errorsOf(status.errors) : undefined,
			}),
			contact: compact({ id: status.recipient_id, phone: status.recipient_id }),
			raw,
		};
	}
	const contact = entry.contacts.length === 1 ? entry.contacts[0] : undefined;
	const [error] = errorsOf([entry.error]);
	return {
		event: 'error',
		conversation: { ...conversation(entry.phoneNumberId, contact?.wa_id), ...where },
		message: {
			id: '',
			text: String(error.title ?? error.message ?? ''),
			type: 'error',
			attachments: [],
		},
		error,
		contact: compact({ id: contact?.wa_id, name: contact?.profile?.name ?? undefined }),
		raw,
	};
}
