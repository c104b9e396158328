import type { INodeProperties } from 'n8n-workflow';

import * as answer from './answer';

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callback'] } },
	options: [
		{
			name: 'Answer',
			value: 'answer',
			action: 'Answer a button press',
			description: "Stop the button's loading spinner, optionally with a notification",
		},
	],
	default: 'answer',
};

export const description: INodeProperties[] = [operations, ...answer.description];

export { answer };
