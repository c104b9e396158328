import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resolveMessageId } from '../common/chat';
import { chatIdField, showFor } from '../common/fields';
import { callForChat, chatTargetOf, type OperationContext } from '../common/send';

export const description: INodeProperties[] = showFor(
	'message',
	['delete'],
	[
		chatIdField,
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			required: true,
			default: '',
			description:
				"Bots can delete their own messages less than 48 hours old, and others' messages where they are admins",
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
): Promise<INodeExecutionData> {
	const target = chatTargetOf(this, itemIndex, context.botId);
	const messageId = resolveMessageId(this.getNodeParameter('messageId', itemIndex));
	await callForChat.call(
		this,
		target,
		{ ...context, itemIndex },
		'deleteMessage',
		(chatId) => ({ chat_id: chatId, message_id: messageId }),
		'write',
	);
	return {
		json: { ok: true, chatId: target.chatId, messageId, deleted: true },
		pairedItem: { item: itemIndex },
	};
}
