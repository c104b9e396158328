import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared';
import { AI_TASK_EVENTS, DEFAULT_EVENTS } from './events';

export const DEFAULT_TRIGGER_PATH = 'selarti-ai-task';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'In Selarti, create an integration of type "Another" with the webhook type "All messages", paste the Production URL below as its webhook URL, and choose that integration in your task of type "Web". Other webhook types are not supported.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: DEFAULT_TRIGGER_PATH,
		placeholder: DEFAULT_TRIGGER_PATH,
		description:
			'The last part of the webhook URL. Use a different path in every workflow with this trigger; changing it changes the URL and its token.',
	},
	{
		// n8n's lint rules name every list loaded from a method this way, even one that only shows.
		displayName: 'Webhook URL for Selarti Name or ID',
		name: 'webhookUrl',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'webhookUrls', loadOptionsDependsOn: ['path'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Open the list to see the full URL, secret token included, and copy it into the Selarti integration. Selecting one changes nothing: the node only shows it. Choose a credential first.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: AI_TASK_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: [...DEFAULT_EVENTS],
		description:
			'Which events start the workflow. "User Message" (Selarti\'s echo of the user\'s own message) is off by default so that a workflow cannot feed it back to the AI in a loop. None selected means the default set.',
	},
	{
		displayName: 'Separate Outputs per Event',
		name: 'separateOutputs',
		type: 'boolean',
		default: false,
		description:
			'Whether to give every event its own output (Reply, Operator Message, Handoff, Closed, Contact Captured, User Message), so the workflow can route without a Switch node',
	},
	optionsCollection([
		{
			displayName: 'Drop Duplicate Deliveries',
			name: 'dropDuplicates',
			type: 'boolean',
			default: true,
			description:
				"Whether to ignore a delivery whose message_id this workflow has already received in the last hour, in any n8n process (remembered in the workflow's static data; test deliveries: per process)",
		},
	]),
];
