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
	autoLayout,
	buttonsPayload,
	checkLayout,
	listPayload,
	numberedMenu,
	parseChoices,
	type ChoiceLayout,
} from '../../helpers/choices';
import {
	sendInOrder,
	sendMessage,
	sentOutput,
	type Dialog360OperationContext,
} from '../../helpers/send';
import { sendWithinWindow, windowTemplateOf } from '../../helpers/window';
import { TEXT_LIMIT } from '../../transport';

/** Interactive bodies are shorter than plain texts (Meta: 1024 characters). */
const INTERACTIVE_BODY_LIMIT = 1024;

/**
 * A question with options, in the richest form WhatsApp takes: up to 3 reply buttons, up to 10
 * list rows, beyond that a numbered text menu (which the user answers by typing the number).
 */
export const sendChoices = defineOperation({
	value: 'sendChoices',
	name: 'Send Buttons or Menu',
	action: 'Send a message with reply buttons or a menu',
	description: 'Up to 3 options as buttons, up to 10 as a list, more as a numbered text menu',
	properties: [
		chatIdField,
		textField('The question or message above the options'),
		{
			displayName: 'Options',
			name: 'choices',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			placeholder: 'Yes\nNo',
			description:
				'One option per line, or an expression giving a list: ["Yes", "No"] or objects with title, description and an ID that comes back in the reply (default: the title). No options: the text goes as a plain message.',
		},
		{
			displayName: 'Layout',
			name: 'layout',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description:
						'Buttons for up to 3 short options, a list for up to 10, otherwise numbered text',
				},
				{ name: 'List', value: 'list' },
				{ name: 'Numbered Text', value: 'text' },
				{ name: 'Reply Buttons', value: 'buttons' },
			],
			default: 'auto',
			description:
				'Forced layouts fail with an error when WhatsApp would refuse them (too many options, titles too long)',
		},
		optionsCollection([
			{
				displayName: 'Footer',
				name: 'footer',
				type: 'string',
				default: '',
				description: 'Small grey text under the message (up to 60 characters)',
			},
			{
				displayName: 'List Button Text',
				name: 'listButtonText',
				type: 'string',
				default: 'Choose',
				description: 'The button that opens a list (up to 20 characters)',
			},
			...windowTemplateOptions,
		]),
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const text = textParameter(context.parameter('text')).trim();
		if (!text) throw new InputError('"Text" is empty.', 'WhatsApp needs a text above the options.');
		const choices = parseChoices(context.parameter('choices'));
		const options = context.parameter<IDataObject>('options', {});
		const footer = textParameter(options.footer).trim().slice(0, 60) || undefined;
		const wanted = context.parameter<string>('layout', 'auto');
		let layout: ChoiceLayout = wanted === 'auto' ? autoLayout(choices) : (wanted as ChoiceLayout);
		checkLayout(choices, layout);
		// A question longer than an interactive body still gets its options, as text.
		if (layout !== 'text' && text.length > INTERACTIVE_BODY_LIMIT) {
			if (wanted !== 'auto')
				throw new InputError(
					`"Text" is ${text.length} characters; buttons and lists allow ${INTERACTIVE_BODY_LIMIT}.`,
					'Shorten it, or set Layout to "Automatic" or "Numbered Text".',
				);
			layout = 'text';
		}

		const result = await sendWithinWindow(context, to, windowTemplateOf(options), async () => {
			if (layout === 'buttons')
				return [
					await sendMessage(context, to, 'interactive', buttonsPayload(text, choices, footer)),
				];
			if (layout === 'list') {
				const button = textParameter(options.listButtonText ?? 'Choose').trim();
				return [
					await sendMessage(context, to, 'interactive', listPayload(text, choices, button, footer)),
				];
			}
			const parts = splitText(numberedMenu(text, choices, footer), TEXT_LIMIT);
			return await sendInOrder(
				parts.length,
				async (index) => await sendMessage(context, to, 'text', { body: parts[index] }),
			);
		});
		const sentAs = choices.length === 0 ? 'plain' : layout;
		return {
			json: sentOutput(to, result.messageIds, {
				layout: result.sentTemplate ? 'template' : sentAs,
				sentTemplate: result.sentTemplate,
				choices: choices.map((choice) => ({ ...choice })),
			}),
		};
	},
});
