import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';

export { add };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['target'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add a lead for a task to contact',
				action: 'Add a target to a task',
			},
		],
		default: 'add',
	},
	...add.description,
];
