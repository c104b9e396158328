import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description:
					"Hand a user's message to an AI task; the answer arrives at the AI Task Trigger",
				action: 'Send a message to an AI task',
			},
		],
		default: 'send',
	},
	...send.description,
];
