import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared';
import { EVENT_OPTIONS } from './events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Wazzup has one webhook address per account. Automatic registration points it at this workflow on activation and gives the previous address back on deactivation.',
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
		description: 'Wazzup is subscribed to exactly the deliveries these events need',
	},
	{
		displayName: 'Webhook Registration',
		name: 'registration',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Set the address in Wazzup on activation (PATCH /v3/webhooks)',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'Leave Wazzup alone: paste the address yourself',
			},
		],
		default: 'automatic',
	},
	{
		displayName:
			'Paste the Production URL below into Wazzup with "?token=" and your URL Token appended, e.g. https://n8n.example.com/webhook/…/wazzup?token=YOUR_TOKEN. Deliveries without it are refused (403).',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName: 'URL Token',
		name: 'urlToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'A secret of at least 16 letters, digits, "-" or "_" that Wazzup sends back in the URL: Wazzup signs nothing, so this is what tells its deliveries apart',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName: 'Channel IDs',
		name: 'channelIds',
		type: 'string',
		default: '',
		placeholder: '1b3a5c7e-…, 2c4b6d8f-…',
		description:
			'Only events of these channels (comma-separated channel IDs, see Wazzup → Channel → Get Many); empty: all channels',
	},
	optionsCollection([
		{
			displayName: 'Creation Requests',
			name: 'creationResponse',
			type: 'options',
			options: [
				{
					name: 'Answer at Once',
					value: 'onReceived',
					description: 'Wazzup gets 200 right away and the workflow runs after',
				},
				{
					name: 'Answer With the Workflow Result',
					value: 'lastNode',
					description:
						"The last node's output is Wazzup's answer (the created contact or deal); the workflow must finish within Wazzup's 30 seconds",
				},
			],
			default: 'onReceived',
			description:
				'How contact and deal creation requests are answered. Messages are always answered at once.',
		},
		{
			displayName: 'Download Files',
			name: 'downloadFiles',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the file of a message (contentUri) into the binary field "data"',
		},
		{
			displayName: 'Take Over',
			name: 'takeOver',
			type: 'boolean',
			default: false,
			description:
				'Whether to replace a webhook address that another program or workflow set for this account. Off, activation fails and names it. The replaced address is given back on deactivation.',
		},
	]),
];
