import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { telegramCall, telegramErrorOf, type CallKind } from '../../transport';
import { ChatIdError, resolveChatId, resolveMessageId } from './chat';
import {
	checkReplyMarkupJson,
	inlineKeyboardFromFields,
	replyKeyboardFromFields,
	type InlineButtonField,
	type ReplyButtonField,
	type ReplyKeyboardOptions,
	type ReplyMarkupMode,
} from './keyboard';
import { settle } from './settle';

/** What every operation gets besides its item index. */
export interface OperationContext {
	botId: string;
}

/** The chat an item sends to; it changes once if Telegram says the group became a supergroup. */
export interface ChatTarget {
	chatId: string;
	migratedFrom?: string;
}

/** The chat an item's operation addresses, from the node's Chat ID parameter. */
export function chatTargetOf(
	context: IExecuteFunctions,
	itemIndex: number,
	botId: string,
): ChatTarget {
	return { chatId: resolveChatId(context.getNodeParameter('chatId', itemIndex), botId) };
}

/**
 * Calls a method for one chat. When a group has been upgraded to a supergroup, Telegram refuses
 * the old id and names the new one (`migrate_to_chat_id`): the call is repeated once to the new
 * chat, which is safe because the refused call did nothing. Later calls of the item use it too.
 */
export async function callForChat<T>(
	this: IExecuteFunctions,
	target: ChatTarget,
	context: OperationContext & { itemIndex: number },
	method: string,
	body: (chatId: string) => IDataObject | FormData,
	kind: CallKind = 'send',
): Promise<T> {
	const call = async () =>
		await telegramCall<T>(this, {
			method,
			body: body(target.chatId),
			kind,
			botId: context.botId,
			chatId: target.chatId,
			itemIndex: context.itemIndex,
		});
	const first = await settle(call());
	if (first.ok) return first.value;
	const migrateTo = telegramErrorOf(first.error)?.parameters?.migrate_to_chat_id;
	if (migrateTo === undefined || target.migratedFrom !== undefined) throw first.error;
	target.migratedFrom = target.chatId;
	target.chatId = String(migrateTo);
	return await call();
}

export interface DeliveryOptions {
	disableNotification?: boolean;
	protectContent?: boolean;
	replyToMessageId?: string | number;
	messageThreadId?: string | number;
}

/** Fields for one message; a reply goes on the first part only. */
export function deliveryFields(options: DeliveryOptions, isFirstPart: boolean): IDataObject {
	const body: IDataObject = {};
	if (options.disableNotification) body.disable_notification = true;
	if (options.protectContent) body.protect_content = true;
	if (options.messageThreadId !== undefined && String(options.messageThreadId).trim() !== '') {
		body.message_thread_id = resolveMessageId(options.messageThreadId, 'Message Thread ID');
	}
	if (
		isFirstPart &&
		options.replyToMessageId !== undefined &&
		String(options.replyToMessageId).trim() !== ''
	) {
		body.reply_parameters = {
			message_id: resolveMessageId(options.replyToMessageId, 'Reply To Message ID'),
			allow_sending_without_reply: true,
		};
	}
	return body;
}

/** The reply_markup the node's Buttons fields describe, or undefined for none. */
export function replyMarkupFromParameters(
	this: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const mode = this.getNodeParameter('replyMarkup', itemIndex, 'none') as ReplyMarkupMode;
	switch (mode) {
		case 'inlineKeyboard': {
			const fields = this.getNodeParameter(
				'inlineButtons.button',
				itemIndex,
				[],
			) as InlineButtonField[];
			return inlineKeyboardFromFields(fields);
		}
		case 'replyKeyboard': {
			const fields = this.getNodeParameter(
				'replyButtons.button',
				itemIndex,
				[],
			) as ReplyButtonField[];
			const options = this.getNodeParameter(
				'replyKeyboardOptions',
				itemIndex,
				{},
			) as ReplyKeyboardOptions;
			return replyKeyboardFromFields(fields, options);
		}
		case 'removeKeyboard':
			return { remove_keyboard: true };
		case 'forceReply':
			return { force_reply: true };
		case 'json':
			return checkReplyMarkupJson(this.getNodeParameter('replyMarkupJson', itemIndex));
		default:
			return undefined;
	}
}

/** Telegram's answer to a send, reduced to what the output lists. */
export interface SentMessage extends IDataObject {
	message_id: number;
}

export class PartialSendError extends Error {
	constructor(
		message: string,
		readonly sentMessageIds: number[],
	) {
		super(message);
	}
}

export { ChatIdError };
