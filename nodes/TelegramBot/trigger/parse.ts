import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	conversationInfo,
	idString,
	type Attachment,
	type ConversationEvent,
} from '../../shared';
import { MESSAGE_UPDATE_TYPES, UPDATE_TYPES, updateTypeOf } from './events';
import { isTelegramDate, updateProblem } from './validate';

/**
 * The shape we rely on: an update_id and one update object. Everything else passes through
 * untouched under `raw`, so new Bot API fields and update types never break the trigger.
 */
export const updateSchema = z
	.object({ update_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]) })
	.passthrough()
	.superRefine((update, context) => {
		const problem = updateProblem(update);
		if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
	});

export type TelegramUpdate = z.infer<typeof updateSchema>;

type Obj = Record<string, unknown>;

/** What the items add to the shared ConversationEvent. */
export interface TelegramEvent extends ConversationEvent {
	updateType: string;
	updateId: string;
}

function obj(value: unknown): Obj | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Obj)
		: undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function fullName(person: Obj | undefined): string | undefined {
	if (!person) return undefined;
	const name = [text(person.first_name), text(person.last_name)].filter(Boolean).join(' ');
	return name || text(person.title);
}

function isoDate(unixSeconds: unknown): string | undefined {
	return isTelegramDate(unixSeconds) ? new Date(unixSeconds * 1000).toISOString() : undefined;
}

/** Media kinds in the order a message is classified by. */
const FILE_KINDS = [
	'photo',
	'document',
	'video',
	'audio',
	'voice',
	'video_note',
	'animation',
	'sticker',
] as const;
const OTHER_KINDS = [
	'location',
	'venue',
	'contact',
	'poll',
	'dice',
	'game',
	'story',
	'invoice',
] as const;

/** The largest photo size: by pixel count, then by file size (sizes can be missing). */
export function largestPhoto(sizes: unknown): Obj | undefined {
	if (!Array.isArray(sizes)) return undefined;
	const area = (size: Obj) => (Number(size.width) || 0) * (Number(size.height) || 0);
	return (sizes.map(obj).filter(Boolean) as Obj[]).reduce<Obj | undefined>((best, size) => {
		if (!best) return size;
		if (area(size) !== area(best)) return area(size) > area(best) ? size : best;
		return (Number(size.file_size) || 0) > (Number(best.file_size) || 0) ? size : best;
	}, undefined);
}

function fileAttachment(kind: string, file: Obj): Attachment {
	return compact({
		kind,
		id: text(file.file_id),
		uniqueId: text(file.file_unique_id),
		mimeType: text(file.mime_type),
		fileName: text(file.file_name),
		size: typeof file.file_size === 'number' ? file.file_size : undefined,
		width: typeof file.width === 'number' ? file.width : undefined,
		height: typeof file.height === 'number' ? file.height : undefined,
		duration: typeof file.duration === 'number' ? file.duration : undefined,
	} as Attachment);
}

/** Files and shared objects of a message; file URLs are left out because they hold the bot token. */
export function messageAttachments(message: Obj): Attachment[] {
	const attachments: Attachment[] = [];
	for (const kind of FILE_KINDS) {
		const value = message[kind];
		const file = kind === 'photo' ? largestPhoto(value) : obj(value);
		if (file) attachments.push(fileAttachment(kind, file));
	}
	const location = obj(message.location);
	if (location)
		attachments.push({
			kind: 'location',
			latitude: location.latitude as number,
			longitude: location.longitude as number,
		});
	const contact = obj(message.contact);
	if (contact) {
		attachments.push(
			compact({
				kind: 'contact',
				phone: text(contact.phone_number),
				name: fullName(contact),
				userId: idString(contact.user_id),
			} as Attachment),
		);
	}
	const story = obj(message.story);
	if (story)
		attachments.push(
			compact({
				kind: 'story',
				id: idString(story.id),
				chatId: idString(obj(story.chat)?.id),
			} as Attachment),
		);
	return attachments;
}

function messageType(message: Obj): string {
	if (typeof message.text === 'string') return 'text';
	for (const kind of [...FILE_KINDS, ...OTHER_KINDS]) if (message[kind] !== undefined) return kind;
	return 'service';
}

/** "/start@MyBot payload" → { command: 'start', args: 'payload' } when the text opens with a bot command. */
export function botCommand(message: Obj): { command: string; args: string } | undefined {
	const body = text(message.text) ?? text(message.caption);
	const entities = (message.entities ?? message.caption_entities) as unknown;
	if (!body || !Array.isArray(entities)) return undefined;
	const entity = entities.map(obj).find((e) => e?.type === 'bot_command' && e.offset === 0);
	if (!entity) return undefined;
	const raw = body.slice(0, Number(entity.length) || 0);
	return {
		command: raw.replace(/^\//, '').replace(/@.*$/, '').toLowerCase(),
		args: body.slice(raw.length).trim(),
	};
}

interface Parts {
	chat?: Obj;
	/** A private chat derived from the user: the update itself has no chat. */
	userAsChat?: Obj;
	from?: Obj;
	message?: Obj;
	/** The message a callback button sits on: its chat and forum topic are the conversation's. */
	buttonMessage?: Obj;
	extra: IDataObject;
}

function partsOf(type: string, payload: Obj): Parts {
	if (MESSAGE_UPDATE_TYPES.has(type)) {
		return {
			chat: obj(payload.chat),
			from: obj(payload.from) ?? obj(payload.sender_chat),
			message: payload,
			extra: {},
		};
	}
	switch (type) {
		case 'callback_query': {
			const message = obj(payload.message);
			const from = obj(payload.from);
			return {
				chat: obj(message?.chat),
				userAsChat: message ? undefined : from,
				from,
				buttonMessage: message,
				extra: compact({
					id: idString(message?.message_id) ?? text(payload.inline_message_id) ?? '',
					text: text(payload.data) ?? text(payload.game_short_name) ?? '',
					type: 'callback',
					callbackQueryId: idString(payload.id),
					callbackData: text(payload.data),
					inlineMessageId: text(payload.inline_message_id),
					callbackMessageText: text(message?.text) ?? text(message?.caption),
				}),
			};
		}
		case 'inline_query':
		case 'chosen_inline_result': {
			const from = obj(payload.from);
			return {
				userAsChat: from,
				from,
				extra: compact({
					id: idString(payload.id) ?? text(payload.result_id) ?? '',
					text: text(payload.query) ?? '',
					type: type === 'inline_query' ? 'inlineQuery' : 'chosenInlineResult',
					inlineQueryId: type === 'inline_query' ? idString(payload.id) : undefined,
					resultId: text(payload.result_id),
					inlineMessageId: text(payload.inline_message_id),
				}),
			};
		}
		case 'shipping_query':
		case 'pre_checkout_query':
		case 'purchased_paid_media': {
			const from = obj(payload.from);
			return {
				userAsChat: from,
				from,
				extra: {
					id: idString(payload.id) ?? '',
					text: text(payload.invoice_payload) ?? text(payload.paid_media_payload) ?? '',
				},
			};
		}
		case 'poll_answer': {
			const from = obj(payload.user) ?? obj(payload.voter_chat);
			return {
				userAsChat: obj(payload.user),
				chat: obj(payload.voter_chat),
				from,
				extra: { id: text(payload.poll_id) ?? '' },
			};
		}
		case 'business_connection': {
			const from = obj(payload.user);
			return { userAsChat: from, from, extra: { id: text(payload.id) ?? '' } };
		}
		case 'message_reaction':
			return {
				chat: obj(payload.chat),
				from: obj(payload.user) ?? obj(payload.actor_chat),
				extra: { id: idString(payload.message_id) ?? '' },
			};
		case 'message_reaction_count':
			return { chat: obj(payload.chat), extra: { id: idString(payload.message_id) ?? '' } };
		case 'poll':
			return { extra: { id: text(payload.id) ?? '', text: text(payload.question) ?? '' } };
		default:
			// my_chat_member, chat_member, chat_join_request, chat_boost, removed_chat_boost,
			// deleted_business_messages and update types newer than this code.
			return { chat: obj(payload.chat), from: obj(payload.from), extra: {} };
	}
}

function conversationOf(
	botId: string,
	parts: Parts,
	message: Obj | undefined,
): TelegramEvent['conversation'] {
	const chat = parts.chat ?? parts.userAsChat;
	const chatId = idString(chat?.id);
	if (!chatId) {
		// A poll update names no chat and no user: there is no one to answer.
		return { key: '', channel: 'telegram', chatId: '', botId };
	}
	let info: IDataObject;
	try {
		info = { ...conversationInfo({ channel: 'telegram', botId, chatId }) };
	} catch (error) {
		// Never lose an update over a key: keep the chat id and say why there is no key.
		info = { key: '', channel: 'telegram', chatId, botId, keyError: (error as Error).message };
	}
	info.chatType = parts.chat ? text(parts.chat.type) : 'private';
	if (!parts.chat) info.derivedFromUser = true;
	if (parts.chat) {
		info.chatTitle = text(parts.chat.title) ?? fullName(parts.chat);
		info.chatUsername = text(parts.chat.username);
	}
	// Only forum topics need message_thread_id to answer in place; other threads are replies.
	if (message?.is_topic_message === true) info.threadId = idString(message.message_thread_id);
	if (message?.business_connection_id)
		info.businessConnectionId = text(message.business_connection_id);
	return compact(info) as TelegramEvent['conversation'];
}

function messageOf(
	message: Obj | undefined,
	parts: Parts,
	eventType: string,
): TelegramEvent['message'] {
	if (!message) {
		return compact({
			id: '',
			text: '',
			type: eventType,
			attachments: [],
			...parts.extra,
		}) as TelegramEvent['message'];
	}
	const command = botCommand(message);
	return compact({
		id: idString(message.message_id) ?? '',
		text: text(message.text) ?? text(message.caption) ?? '',
		type: messageType(message),
		replyToId: idString(obj(message.reply_to_message)?.message_id),
		threadId: idString(message.message_thread_id),
		date: isoDate(message.date),
		editDate: isoDate(message.edit_date),
		mediaGroupId: text(message.media_group_id),
		command: command?.command,
		commandArgs: command?.args,
		attachments: messageAttachments(message),
	}) as TelegramEvent['message'];
}

function contactOf(from: Obj | undefined): TelegramEvent['contact'] {
	if (!from) return {};
	return compact({
		id: idString(from.id),
		name: fullName(from),
		username: text(from.username),
		languageCode: text(from.language_code),
		isBot: typeof from.is_bot === 'boolean' ? from.is_bot : undefined,
	});
}

/** One Telegram update as the package's conversation event (docs/architecture.md), raw update included. */
export function toConversationEvent(update: TelegramUpdate, botId: string): TelegramEvent {
	const updateType = updateTypeOf(update) ?? 'unknown';
	const payload = obj(update[updateType]) ?? {};
	const parts = partsOf(updateType, payload);
	const known = UPDATE_TYPES[updateType as keyof typeof UPDATE_TYPES];
	const event = known?.event ?? updateType.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
	const message = parts.message;
	return {
		event,
		updateType,
		updateId: idString(update.update_id) ?? '',
		conversation: conversationOf(botId, parts, message ?? parts.buttonMessage),
		message: messageOf(message, parts, event),
		contact: contactOf(parts.from),
		raw: update as IDataObject,
	};
}
