import type { INodeProperties } from 'n8n-workflow';

import { conversationChatIdField } from '../shared';

/** Telegram fields that several operations share. Names and defaults are part of saved workflows. */

export const chatIdField: INodeProperties = conversationChatIdField(
	'Where to send: the conversation key of a Telegram trigger item (default), a numeric chat ID, or @channelusername',
);

/** "Message ID" of the operations that act on a message already sent. */
export function messageIdField(description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		description,
	};
}

/** The text of a message to send or edit; `description` gives the limit that applies. */
export function messageTextField(description: string): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description,
	};
}

/** The link-preview option of text messages; `description` says whether they are sent or edited. */
export function disableLinkPreviewOption(description: string): INodeProperties {
	return {
		displayName: 'Disable Link Preview',
		name: 'disableLinkPreview',
		type: 'boolean',
		default: false,
		description,
	};
}

export const parseModeField: INodeProperties = {
	displayName: 'Parse Mode',
	name: 'parseMode',
	type: 'options',
	options: [
		{ name: 'None', value: '' },
		{ name: 'HTML', value: 'HTML' },
		{ name: 'MarkdownV2', value: 'MarkdownV2' },
		{ name: 'Markdown (Legacy)', value: 'Markdown' },
	],
	default: '',
	description:
		'How Telegram formats the text. HTML splits most safely when the text is longer than one message.',
};

/** Options every message-creating operation shares (read by helpers/delivery.ts). */
export const deliveryOptions: INodeProperties[] = [
	{
		displayName: 'Send Silently',
		name: 'disableNotification',
		type: 'boolean',
		default: false,
		description: 'Whether to deliver without a notification sound',
	},
	{
		displayName: 'Protect Content',
		name: 'protectContent',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the message from being forwarded or saved',
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToMessageId',
		type: 'string',
		default: '',
		description:
			'Sends the message (its first part) as a reply to this message. If that message is gone, it is sent anyway.',
	},
	{
		displayName: 'Message Thread ID',
		name: 'messageThreadId',
		type: 'string',
		default: '',
		description:
			'The topic of a forum supergroup to send to (message_thread_id of the incoming message)',
	},
];

/** The row a keyboard button sits in, for inline and reply buttons alike (helpers/keyboard.ts). */
const rowField: INodeProperties = {
	displayName: 'Row',
	name: 'row',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'Buttons with the same row number sit side by side',
};

/** Inline keyboard buttons built from fields; used when sending and when editing a message. */
export function inlineButtonsField(showWhen: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Inline Buttons',
		name: 'inlineButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: showWhen },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					// Sorted by name, as n8n's lint rules want; the editor lists them in this order.
					{
						displayName: 'Callback Data',
						name: 'callbackData',
						type: 'string',
						default: '',
						description: '1–64 bytes, returned in the callback event when the button is pressed',
						displayOptions: { show: { type: ['callback'] } },
					},
					rowField,
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Callback',
								value: 'callback',
								description: 'Sends its data back to the bot (a callback event)',
							},
							{ name: 'URL', value: 'url', description: 'Opens a link' },
						],
						default: 'callback',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com',
						displayOptions: { show: { type: ['url'] } },
					},
				],
			},
		],
	};
}

/** The "Buttons" of a new message and what each choice asks for (helpers/replyMarkup.ts). */
export const replyMarkupFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'replyMarkup',
		type: 'options',
		options: [
			{
				name: 'Force Reply',
				value: 'forceReply',
				description: "Open a reply to this message on the user's side",
			},
			{
				name: 'Inline Keyboard',
				value: 'inlineKeyboard',
				description: 'Buttons under the message',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'A reply_markup object, e.g. built in an earlier node',
			},
			{ name: 'None', value: 'none' },
			{ name: 'Remove Reply Keyboard', value: 'removeKeyboard' },
			{
				name: 'Reply Keyboard',
				value: 'replyKeyboard',
				description: "Buttons instead of the user's keyboard",
			},
		],
		default: 'none',
		description: 'Buttons go on the last message when a long text is split',
	},
	inlineButtonsField({ replyMarkup: ['inlineKeyboard'] }),
	{
		displayName: 'Reply Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: { replyMarkup: ['replyKeyboard'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: "Sent as the user's message when pressed",
					},
					rowField,
				],
			},
		],
	},
	{
		displayName: 'Reply Keyboard Options',
		name: 'replyKeyboardOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { replyMarkup: ['replyKeyboard'] } },
		options: [
			{
				displayName: 'Resize Keyboard',
				name: 'resizeKeyboard',
				type: 'boolean',
				default: true,
				description: 'Whether to fit the keyboard to its buttons',
			},
			{
				displayName: 'One Time Keyboard',
				name: 'oneTimeKeyboard',
				type: 'boolean',
				default: false,
				description: 'Whether to hide the keyboard after a button is pressed',
			},
			{
				displayName: 'Persistent',
				name: 'isPersistent',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the keyboard shown when the user hides it',
			},
			{
				displayName: 'Input Field Placeholder',
				name: 'inputFieldPlaceholder',
				type: 'string',
				default: '',
			},
		],
	},
	{
		displayName: 'Reply Markup (JSON)',
		name: 'replyMarkupJson',
		type: 'json',
		default: '{\n  "inline_keyboard": [[{ "text": "Yes", "callback_data": "yes" }]]\n}',
		displayOptions: { show: { replyMarkup: ['json'] } },
		description:
			"Telegram's reply_markup: inline_keyboard, keyboard, remove_keyboard or force_reply",
	},
];
