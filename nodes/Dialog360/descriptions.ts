import type { INodeProperties } from 'n8n-workflow';

import { conversationChatIdField } from '../shared';

/** 360dialog fields that several operations share. Names and defaults are part of saved workflows. */

export const chatIdField: INodeProperties = conversationChatIdField(
	'Who gets the message: the conversation key of a 360dialog trigger item (default), or a phone number in international format',
);

export function messageIdField(description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgL…',
		description,
	};
}

export function textField(description: string): INodeProperties {
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

/** The template sent instead of a free-form message once the 24-hour window has closed. */
export const windowTemplateOptions: INodeProperties[] = [
	{
		displayName: 'Template Components (Outside Window)',
		name: 'windowTemplateComponents',
		type: 'json',
		default: '[]',
		description:
			'Variables of that template, as Meta\'s components array, e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Anna"}]}]',
	},
	{
		displayName: 'Template Language (Outside Window)',
		name: 'windowTemplateLanguage',
		type: 'string',
		default: 'en',
		description: 'Language code of that template, e.g. en, en_US, de',
	},
	{
		displayName: 'Template Name (Outside Window)',
		name: 'windowTemplateName',
		type: 'string',
		default: '',
		description:
			'Send this approved template instead when WhatsApp refuses the message because the user has not written in the last 24 hours. Empty: the item fails with an error that says so.',
	},
];
