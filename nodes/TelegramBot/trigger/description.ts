import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from './events';

/** Which chats, users and commands start a run; trigger/filters.ts applies them. */
const filterProperties: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Chat IDs',
			name: 'chatIds',
			type: 'string',
			default: '',
			placeholder: '123456789, -1001234567890, @mychannel',
			description: 'Only updates from these chats (comma-separated IDs or @usernames)',
		},
		{
			displayName: 'User IDs',
			name: 'userIds',
			type: 'string',
			default: '',
			placeholder: '123456789, @username',
			description: 'Only updates from these users (comma-separated IDs or @usernames)',
		},
		{
			displayName: 'Bot Commands',
			name: 'commands',
			type: 'string',
			default: '',
			placeholder: 'start, help',
			description: 'Only messages that start with one of these commands (with or without "/")',
		},
	],
};

/** What both trigger nodes ask for: which updates, which of them, and whether to fetch files. */
export const eventProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		required: true,
		default: ['message'],
		description:
			'The update types to receive. Telegram is told to send only these (allowed_updates).',
	},
	filterProperties,
];

export const downloadOption: INodeProperties = {
	displayName: 'Download Files',
	name: 'downloadFiles',
	type: 'boolean',
	default: false,
	description:
		'Whether to download the file of a message (largest photo, document, voice, audio, video) into the binary field "data". Telegram lets bots download files up to 20 MB.',
};

export const takeOverOption: INodeProperties = {
	displayName: 'Take Over Existing Webhook',
	name: 'takeOverWebhook',
	type: 'boolean',
	default: false,
	description:
		'Whether to replace a webhook that another program or workflow registered for this bot. A bot has one webhook; off, activation fails and names the current one.',
};
