import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { TEXT_LIMIT } from '../../transport';
import {
	chatIdField,
	deliveryOptions,
	parseModeField,
	replyMarkupFields,
	showFor,
} from '../common/fields';
import {
	callForChat,
	deliveryFields,
	replyMarkupFromParameters,
	type ChatTarget,
	type DeliveryOptions,
	type OperationContext,
	type SentMessage,
	chatTargetOf,
} from '../common/send';
import { splitMessageText, type ParseMode } from '../common/text';
import { sendPartsInOrder } from './parts';

export const description: INodeProperties[] = showFor(
	'message',
	['sendText'],
	[
		chatIdField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description:
				'Longer than 4096 characters? It is sent as several messages, split between paragraphs, sentences or words.',
		},
		...replyMarkupFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Disable Link Preview',
					name: 'disableLinkPreview',
					type: 'boolean',
					default: false,
					description: 'Whether to send links without a preview',
				},
				parseModeField,
				...deliveryOptions,
			],
		},
	],
);

interface TextOptions extends DeliveryOptions {
	parseMode?: ParseMode;
	disableLinkPreview?: boolean;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
): Promise<INodeExecutionData> {
	const target = chatTargetOf(this, itemIndex, context.botId);
	const text = String(this.getNodeParameter('text', itemIndex) ?? '');
	const options = this.getNodeParameter('options', itemIndex, {}) as TextOptions;
	const parseMode = options.parseMode ?? '';
	const replyMarkup = replyMarkupFromParameters.call(this, itemIndex);
	const parts = splitMessageText(text, parseMode, TEXT_LIMIT);

	const sent = await sendPartsInOrder(parts.length, async (index) => {
		const body: IDataObject = { text: parts[index], ...deliveryFields(options, index === 0) };
		if (parseMode) body.parse_mode = parseMode;
		if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
		if (replyMarkup && index === parts.length - 1) body.reply_markup = replyMarkup;
		return (await callForChat.call(
			this,
			target,
			{ ...context, itemIndex },
			'sendMessage',
			(chatId) => ({
				chat_id: chatId,
				...body,
			}),
		)) as SentMessage;
	});
	return { json: sentOutput(target, sent), pairedItem: { item: itemIndex } };
}

/** The output of every message-creating operation: all message ids, in the order sent. */
export function sentOutput(target: ChatTarget, sent: SentMessage[]): IDataObject {
	const output: IDataObject = {
		ok: true,
		chatId: target.chatId,
		messageId: sent[0]?.message_id,
		messageIds: sent.map((message) => message.message_id),
		parts: sent.length,
		messages: sent,
	};
	if (target.migratedFrom) output.migratedFromChatId = target.migratedFrom;
	return output;
}
