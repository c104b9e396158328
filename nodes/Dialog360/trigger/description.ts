import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared';
import { EVENT_OPTIONS, STATUS_OPTIONS } from './events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'A WhatsApp number has one webhook URL at 360dialog. In Automatic mode this trigger sets it on activation, with a secret header 360dialog sends back on every delivery, and puts back the URL it replaced on deactivation.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		required: true,
		default: ['message'],
		description: 'Which parts of a delivery start a run: one item per message, status or error',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Set the webhook URL and secret header at 360dialog on activation',
			},
			{
				name: 'Manual',
				value: 'manual',
				description:
					"You set the URL yourself (Hub, or the 360dialog node's Webhook → Set); nothing is changed at 360dialog",
			},
		],
		default: 'automatic',
	},
	{
		displayName: 'Secret Header Name',
		name: 'manualHeaderName',
		type: 'string',
		default: 'X-Webhook-Secret',
		displayOptions: { show: { registration: ['manual'] } },
		description: 'A header you set along with the URL; deliveries without it are refused (403)',
	},
	{
		displayName: 'Secret Header Value',
		name: 'manualHeaderValue',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
		description:
			'The value of that header. Empty: every delivery is accepted (anyone who knows the URL can start runs).',
	},
	optionsCollection([
		{
			displayName: 'Download Files',
			name: 'downloadFiles',
			type: 'boolean',
			default: false,
			description:
				'Whether to download a received file into the binary field "data" (Cloud API). A failed download is reported on the item, never retried: 5 failed media requests in an hour block media for an hour.',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: STATUS_OPTIONS,
			default: ['sent', 'delivered', 'read', 'failed'],
			description: 'Which message statuses start a run when "Status" is selected above',
		},
		{
			displayName: 'Take Over Existing Webhook',
			name: 'takeOverWebhook',
			type: 'boolean',
			default: false,
			description:
				'Whether to replace a webhook URL that someone else set for this number (it is put back on deactivation). Off, activation fails and names the current URL.',
		},
	]),
];
