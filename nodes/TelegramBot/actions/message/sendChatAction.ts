import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { resolveMessageId } from '../common/chat';
import { chatIdField, showFor } from '../common/fields';
import { callForChat, chatTargetOf, type OperationContext } from '../common/send';

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

export const description: INodeProperties[] = showFor(
	'message',
	['sendChatAction'],
	[
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
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
): Promise<INodeExecutionData> {
	const target = chatTargetOf(this, itemIndex, context.botId);
	const action = this.getNodeParameter('action', itemIndex) as string;
	const thread = String(this.getNodeParameter('messageThreadId', itemIndex, '') ?? '').trim();
	const body: IDataObject = { action };
	if (thread) body.message_thread_id = resolveMessageId(thread, 'Message Thread ID');
	await callForChat.call(
		this,
		target,
		{ ...context, itemIndex },
		'sendChatAction',
		(chatId) => ({ chat_id: chatId, ...body }),
		'write',
	);
	// Pass the input through: a chat action sits in front of the real work on the same item.
	const input = this.getInputData()[itemIndex]?.json ?? {};
	return {
		json: { ...input, chatAction: { ok: true, chatId: target.chatId, action } },
		pairedItem: { item: itemIndex },
	};
}
