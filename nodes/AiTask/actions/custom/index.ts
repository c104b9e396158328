import type { INodeProperties } from 'n8n-workflow';

import * as apiCall from './apiCall.operation';

export { apiCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'Call Endpoint',
				value: 'apiCall',
				description: "Call another Selarti /wf/ endpoint with the credential's session token",
				action: 'Call a Selarti API endpoint',
			},
		],
		default: 'apiCall',
	},
	...apiCall.description,
];
