import type { INodeProperties } from 'n8n-workflow';

import * as deleteMessage from './deleteMessage';
import * as editText from './editText';
import * as sendChatAction from './sendChatAction';
import * as sendMedia from './sendMedia';
import * as sendText from './sendText';

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{ name: 'Delete', value: 'delete', action: 'Delete a message' },
		{ name: 'Edit Text', value: 'editText', action: 'Edit the text of a message' },
		{ name: 'Send Audio', value: 'sendAudio', action: 'Send an audio file' },
		{
			name: 'Send Chat Action',
			value: 'sendChatAction',
			action: 'Show typing or another action',
			description: 'E.g. "typing…" while the AI prepares an answer',
		},
		{ name: 'Send Document', value: 'sendDocument', action: 'Send a document' },
		{ name: 'Send Photo', value: 'sendPhoto', action: 'Send a photo' },
		{
			name: 'Send Text',
			value: 'sendText',
			action: 'Send a text message',
			description: 'Long texts are split into several messages',
		},
		{ name: 'Send Video', value: 'sendVideo', action: 'Send a video' },
		{ name: 'Send Voice', value: 'sendVoice', action: 'Send a voice message' },
	],
	default: 'sendText',
};

export const description: INodeProperties[] = [
	operations,
	...sendText.description,
	...sendMedia.description,
	...editText.description,
	...deleteMessage.description,
	...sendChatAction.description,
];

export { deleteMessage, editText, sendChatAction, sendMedia, sendText };
