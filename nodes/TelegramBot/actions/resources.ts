import { defineResource, type ActionName } from '../../shared';
import { answer } from './callback/answer.operation';
import { get } from './file/get.operation';
import { deleteMessage } from './message/delete.operation';
import { editText } from './message/editText.operation';
import { sendChatAction } from './message/sendChatAction.operation';
import {
	sendAudio,
	sendDocument,
	sendPhoto,
	sendVideo,
	sendVoice,
} from './message/sendMedia.operation';
import { sendText } from './message/sendText.operation';

/**
 * Everything the Telegram Bot node does: the only list of its resources and operations. The first
 * operation of a resource is its default, which saved workflows rely on: keep it first.
 */
export const TELEGRAM_RESOURCES = [
	defineResource({
		value: 'message',
		name: 'Message',
		operations: [
			sendText,
			sendPhoto,
			sendDocument,
			sendVideo,
			sendAudio,
			sendVoice,
			editText,
			deleteMessage,
			sendChatAction,
		],
	}),
	defineResource({
		value: 'callback',
		name: 'Callback',
		description: 'Answer inline button presses',
		operations: [answer],
	}),
	defineResource({
		value: 'file',
		name: 'File',
		description: 'Get and download files users sent',
		operations: [get],
	}),
] as const;

export type TelegramAction = ActionName<typeof TELEGRAM_RESOURCES>;
