import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { TEXT_LIMIT, telegramErrorOf } from '../../transport';
import { resolveMessageId } from '../common/chat';
import { chatIdField, inlineButtonsField, parseModeField, showFor } from '../common/fields';
import {
	KeyboardError,
	checkReplyMarkupJson,
	inlineKeyboardFromFields,
	type InlineButtonField,
} from '../common/keyboard';
import { callForChat, chatTargetOf, type OperationContext } from '../common/send';
import { settle } from '../common/settle';
import type { ParseMode } from '../common/text';

export const description: INodeProperties[] = showFor(
	'message',
	['editText'],
	[
		chatIdField,
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			required: true,
			default: '',
			description: 'The message to edit (sent by this bot, less than 48 hours ago)',
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description:
				'The new text, at most 4096 characters (an edit cannot be split into several messages)',
		},
		{
			displayName: 'Buttons',
			name: 'editReplyMarkup',
			type: 'options',
			options: [
				{ name: 'Keep None', value: 'none', description: 'The edited message has no buttons' },
				{ name: 'Inline Keyboard', value: 'inlineKeyboard' },
				{ name: 'JSON', value: 'json', description: 'An inline_keyboard reply_markup object' },
			],
			default: 'none',
			description: 'Only inline keyboards can be set on an edited message',
		},
		inlineButtonsField({ editReplyMarkup: ['inlineKeyboard'] }),
		{
			displayName: 'Reply Markup (JSON)',
			name: 'replyMarkupJson',
			type: 'json',
			default: '{\n  "inline_keyboard": [[{ "text": "Done", "callback_data": "done" }]]\n}',
			displayOptions: { show: { editReplyMarkup: ['json'] } },
		},
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
					description: 'Whether to show links without a preview',
				},
				parseModeField,
			],
		},
	],
);

function inlineMarkup(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const mode = this.getNodeParameter('editReplyMarkup', itemIndex, 'none') as string;
	if (mode === 'inlineKeyboard') {
		return inlineKeyboardFromFields(
			this.getNodeParameter('inlineButtons.button', itemIndex, []) as InlineButtonField[],
		);
	}
	if (mode === 'json') {
		const markup = checkReplyMarkupJson(this.getNodeParameter('replyMarkupJson', itemIndex));
		if (!('inline_keyboard' in markup))
			throw new KeyboardError('An edited message can only carry an inline_keyboard.');
		return markup;
	}
	return undefined;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
): Promise<INodeExecutionData> {
	const target = chatTargetOf(this, itemIndex, context.botId);
	const messageId = resolveMessageId(this.getNodeParameter('messageId', itemIndex));
	const text = String(this.getNodeParameter('text', itemIndex) ?? '');
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		parseMode?: ParseMode;
		disableLinkPreview?: boolean;
	};
	if (text.trim() === '')
		throw new NodeOperationError(this.getNode(), 'The new text is empty.', { itemIndex });
	if (text.length > TEXT_LIMIT) {
		throw new NodeOperationError(
			this.getNode(),
			`The new text has ${text.length} characters; an edited message holds at most ${TEXT_LIMIT}.`,
			{
				itemIndex,
				description:
					'Shorten it, or delete the message and send the text with Send Text, which splits long texts.',
			},
		);
	}
	const body: IDataObject = { message_id: messageId, text };
	if (options.parseMode) body.parse_mode = options.parseMode;
	if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
	const markup = inlineMarkup.call(this, itemIndex);
	if (markup) body.reply_markup = markup;

	const edit = await settle(
		callForChat.call(
			this,
			target,
			{ ...context, itemIndex },
			'editMessageText',
			(chatId) => ({ chat_id: chatId, ...body }),
			'write',
		),
	);
	if (edit.ok) {
		return {
			json: {
				ok: true,
				chatId: target.chatId,
				messageId,
				modified: true,
				message: edit.value as IDataObject,
			},
			pairedItem: { item: itemIndex },
		};
	}
	// Editing to the same content is what the builder asked for already: not a failure.
	if (/message is not modified/i.test(telegramErrorOf(edit.error)?.description ?? '')) {
		return {
			json: { ok: true, chatId: target.chatId, messageId, modified: false },
			pairedItem: { item: itemIndex },
		};
	}
	throw edit.error;
}
