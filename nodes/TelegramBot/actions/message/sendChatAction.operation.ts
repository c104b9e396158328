import type { IDataObject } from 'n8n-workflow';

import { defineOperation, textParameter } from '../../../shared';
import { chatIdField } from '../../descriptions';
import { resolveMessageId } from '../../helpers/chat';
import { callForChat, chatTargetOf, type TelegramOperationContext } from '../../helpers/chatCall';

const ACTIONS = [
	['Typing', 'typing'],
	['Uploading Photo', 'upload_photo'],
	['Recording Video', 'record_video'],
	['Uploading Video', 'upload_video'],
	['Recording Voice', 'record_voice'],
	['Uploading Voice', 'upload_voice'],
	['Uploading Document', 'upload_document'],
	['Choosing Sticker', 'choose_sticker'],
	['Finding Location', 'find_location'],
	['Recording Video Note', 'record_video_note'],
	['Uploading Video Note', 'upload_video_note'],
] as const;

export const sendChatAction = defineOperation({
	value: 'sendChatAction',
	name: 'Send Chat Action',
	action: 'Show typing or another action',
	description: 'E.g. "typing…" while the AI prepares an answer.',
	properties: [
		chatIdField,
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			options: ACTIONS.map(([name, value]) => ({ name, value })),
			default: 'typing',
			description: 'Shown to the user for about 5 seconds, or until the bot sends a message',
		},
		{
			displayName: 'Message Thread ID',
			name: 'messageThreadId',
			type: 'string',
			default: '',
			description: 'The forum topic to show the action in',
		},
	],
	async execute(context: TelegramOperationContext) {
		const target = chatTargetOf(context);
		const action = context.parameter<string>('action');
		const thread = textParameter(context.parameter('messageThreadId', '')).trim();
		const body: IDataObject = { action };
		if (thread) body.message_thread_id = resolveMessageId(thread, 'Message Thread ID');
		await callForChat(
			context,
			target,
			'sendChatAction',
			(chatId) => ({ chat_id: chatId, ...body }),
			'write',
		);
		// Pass the input through: a chat action sits in front of the real work on the same item.
		return {
			json: {
				...(context.item?.json ?? {}),
				chatAction: { ok: true, chatId: target.chatId, action },
			},
		};
	},
});
