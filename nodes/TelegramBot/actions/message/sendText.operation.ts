import type { IDataObject } from 'n8n-workflow';

import { defineOperation, textParameter, optionsCollection } from '../../../shared';
import {
	chatIdField,
	deliveryOptions,
	disableLinkPreviewOption,
	parseModeField,
	replyMarkupFields,
	messageTextField,
} from '../../descriptions';
import { callForChat, chatTargetOf, type TelegramOperationContext } from '../../helpers/chatCall';
import { deliveryFields, type DeliveryOptions } from '../../helpers/delivery';
import { sendPartsInOrder, sentOutput, type SentMessage } from '../../helpers/parts';
import { replyMarkupFromParameters } from '../../helpers/replyMarkup';
import { splitMessageText, type ParseMode } from '../../helpers/text';
import { TEXT_LIMIT } from '../../transport';

interface TextOptions extends DeliveryOptions {
	parseMode?: ParseMode;
	disableLinkPreview?: boolean;
}

/** A text longer than one message goes out as several, in order; buttons ride on the last. */
export const sendText = defineOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Long texts are split into several messages',
	properties: [
		chatIdField,
		messageTextField(
			'Longer than 4096 characters? It is sent as several messages, split between paragraphs, sentences or words',
		),
		...replyMarkupFields,
		optionsCollection([
			disableLinkPreviewOption('Whether to send links without a preview'),
			parseModeField,
			...deliveryOptions,
		]),
	],
	async execute(context: TelegramOperationContext) {
		const target = chatTargetOf(context);
		const text = textParameter(context.parameter('text'));
		const options = context.parameter<TextOptions>('options', {});
		const parseMode = options.parseMode ?? '';
		const replyMarkup = replyMarkupFromParameters(context);
		const parts = splitMessageText(text, parseMode, TEXT_LIMIT);

		const sent = await sendPartsInOrder(parts.length, async (index) => {
			const body: IDataObject = { text: parts[index], ...deliveryFields(options, index === 0) };
			if (parseMode) body.parse_mode = parseMode;
			if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
			if (replyMarkup && index === parts.length - 1) body.reply_markup = replyMarkup;
			return await callForChat<SentMessage>(context, target, 'sendMessage', (chatId) => ({
				chat_id: chatId,
				...body,
			}));
		});
		return { json: sentOutput(target, sent) };
	},
});
