import { defineOperation } from '../../../shared';
import { chatIdField, messageIdField } from '../../descriptions';
import { resolveMessageId } from '../../helpers/chat';
import { callForChat, chatTargetOf, type TelegramOperationContext } from '../../helpers/chatCall';

// `delete` is a reserved word, so the object is named after the Bot API method.
export const deleteMessage = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	properties: [
		chatIdField,
		messageIdField(
			"Bots can delete their own messages less than 48 hours old, and others' messages where they are admins",
		),
	],
	async execute(context: TelegramOperationContext) {
		const target = chatTargetOf(context);
		const messageId = resolveMessageId(context.parameter('messageId'));
		await callForChat(
			context,
			target,
			'deleteMessage',
			(chatId) => ({ chat_id: chatId, message_id: messageId }),
			'write',
		);
		return { json: { ok: true, chatId: target.chatId, messageId, deleted: true } };
	},
});
