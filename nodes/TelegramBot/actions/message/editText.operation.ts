import type { IDataObject } from 'n8n-workflow';

import {
	defineOperation,
	InputError,
	settle,
	textParameter,
	optionsCollection,
} from '../../../shared';
import {
	chatIdField,
	disableLinkPreviewOption,
	inlineButtonsField,
	messageIdField,
	parseModeField,
	messageTextField,
} from '../../descriptions';
import { resolveMessageId } from '../../helpers/chat';
import { callForChat, chatTargetOf, type TelegramOperationContext } from '../../helpers/chatCall';
import { editMarkupFromParameters } from '../../helpers/replyMarkup';
import type { ParseMode } from '../../helpers/text';
import { TEXT_LIMIT, telegramErrorOf } from '../../transport';

/** An edit cannot be split into several messages, so a text over the limit is refused here. */
export const editText = defineOperation({
	value: 'editText',
	name: 'Edit Text',
	action: 'Edit the text of a message',
	properties: [
		chatIdField,
		messageIdField('The message to edit (sent by this bot, less than 48 hours ago)'),
		messageTextField(
			'The new text, at most 4096 characters (an edit cannot be split into several messages)',
		),
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
		optionsCollection([
			disableLinkPreviewOption('Whether to show links without a preview'),
			parseModeField,
		]),
	],
	async execute(context: TelegramOperationContext) {
		const target = chatTargetOf(context);
		const messageId = resolveMessageId(context.parameter('messageId'));
		const text = textParameter(context.parameter('text'));
		const options = context.parameter<{ parseMode?: ParseMode; disableLinkPreview?: boolean }>(
			'options',
			{},
		);
		if (text.trim() === '') throw new InputError('The new text is empty.');
		if (text.length > TEXT_LIMIT) {
			throw new InputError(
				`The new text has ${text.length} characters; an edited message holds at most ${TEXT_LIMIT}.`,
				'Shorten it, or delete the message and send the text with Send Text, which splits long texts.',
			);
		}
		const body: IDataObject = { message_id: messageId, text };
		if (options.parseMode) body.parse_mode = options.parseMode;
		if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
		const markup = editMarkupFromParameters(context);
		if (markup) body.reply_markup = markup;

		const edit = await settle(
			callForChat<IDataObject>(
				context,
				target,
				'editMessageText',
				(chatId) => ({ chat_id: chatId, ...body }),
				'write',
			),
		);
		if (edit.ok) {
			return {
				json: { ok: true, chatId: target.chatId, messageId, modified: true, message: edit.value },
			};
		}
		// Editing to the same content is what the builder asked for already: not a failure.
		if (/message is not modified/i.test(telegramErrorOf(edit.error)?.description ?? '')) {
			return { json: { ok: true, chatId: target.chatId, messageId, modified: false } };
		}
		throw edit.error;
	},
});
