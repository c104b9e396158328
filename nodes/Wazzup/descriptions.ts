import type { INodeProperties } from 'n8n-workflow';

import { conversationChatIdField } from '../shared';
import { CHAT_TYPES } from './helpers/channels';

/** Wazzup fields that several operations share. Names and defaults are part of saved workflows. */

export const chatIdField: INodeProperties = conversationChatIdField(
	'Where to send: the conversation key of a Wazzup trigger or AI Task Trigger item (default; it names the channel and chat type too), or a chat ID such as a phone number in digits (then pick the Channel)',
);

export const channelField: INodeProperties = {
	displayName: 'Channel Name or ID',
	name: 'channelId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	description:
		'Needed only when Chat ID is not a conversation key. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const label = (chatType: string) =>
	({
		avito: 'Avito',
		instagram: 'Instagram',
		max: 'MAX',
		maxgroup: 'MAX Group',
		telegram: 'Telegram',
		telegroup: 'Telegram Group',
		viber: 'Viber',
		vk: 'VK',
		whatsapp: 'WhatsApp (Also WABA)',
		whatsgroup: 'WhatsApp Group',
	})[chatType] ?? chatType;

export const chatTypeField: INodeProperties = {
	displayName: 'Chat Type',
	name: 'chatType',
	type: 'options',
	options: [
		{
			name: 'Automatic (From the Channel)',
			value: 'auto',
			description: "A one-to-one chat of the channel's messenger; groups are never guessed",
		},
		...CHAT_TYPES.map((chatType) => ({ name: label(chatType), value: chatType })),
	],
	default: 'auto',
	description: 'Used only with a plain Chat ID; a conversation key carries its own chat type',
};

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

/** Buttons of a new message (helpers/buttons.ts reads them). */
export const buttonFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttonsMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Build the buttons below' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A Wazzup buttonsObject, e.g. built in an earlier node; sent as it is',
			},
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		description:
			'WABA quick replies or Telegram keyboards. With a long text they go on the last message.',
	},
	{
		displayName: 'Button List',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: { buttonsMode: ['fields'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Callback Data',
						name: 'callbackData',
						type: 'string',
						default: '',
						description: 'Returned to the bot when pressed (Telegram); the text when empty',
						displayOptions: { show: { type: ['callback'] } },
					},
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Callback', value: 'callback', description: 'Telegram inline button' },
							{
								name: 'Quick Reply',
								value: 'quickReply',
								description:
									"Sends its text as the client's answer (WABA, Telegram reply keyboard)",
							},
							{ name: 'URL', value: 'url', description: 'Opens a link' },
						],
						default: 'quickReply',
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
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttonsJson',
		type: 'json',
		default: '{\n  "buttons": [{ "text": "Yes", "type": "quickReply" }]\n}',
		displayOptions: { show: { buttonsMode: ['json'] } },
		description: "Wazzup's buttonsObject: buttons, replyMarkup, removeKeyboard, oneTimeKeyboard",
	},
];
