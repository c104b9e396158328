import type { IDataObject } from 'n8n-workflow';

import {
	defineOperation,
	InputError,
	optionsCollection,
	splitText,
	textParameter,
} from '../../../shared';
import { chatIdField, textField, windowTemplateOptions } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import {
	sendInOrder,
	sendMessage,
	sentOutput,
	type Dialog360OperationContext,
} from '../../helpers/send';
import { sendWithinWindow, windowTemplateOf } from '../../helpers/window';
import { TEXT_LIMIT } from '../../transport';

/** A text longer than WhatsApp's 4096 characters goes out as several messages, in order. */
export const sendText = defineOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Long texts are split into several messages',
	properties: [
		chatIdField,
		textField(
			'Plain text (WhatsApp shows *bold* and _italic_ itself). Longer than 4096 characters? It is sent as several messages, split between paragraphs, sentences or words.',
		),
		optionsCollection([
			{
				displayName: 'Link Preview',
				name: 'previewUrl',
				type: 'boolean',
				default: false,
				description: 'Whether WhatsApp shows a preview of the first link in the text',
			},
			...windowTemplateOptions,
		]),
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const text = textParameter(context.parameter('text'));
		const options = context.parameter<IDataObject>('options', {});
		const parts = splitText(text, TEXT_LIMIT);
		if (parts.length === 0)
			throw new InputError('"Text" is empty.', 'Enter the text to send, or map one.');
		const template = windowTemplateOf(options);
		const result = await sendWithinWindow(
			context,
			to,
			template,
			async () =>
				await sendInOrder(
					parts.length,
					async (index) =>
						await sendMessage(context, to, 'text', {
							body: parts[index],
							...(options.previewUrl === true ? { preview_url: true } : {}),
						}),
				),
		);
		return { json: sentOutput(to, result.messageIds, { sentTemplate: result.sentTemplate }) };
	},
});
