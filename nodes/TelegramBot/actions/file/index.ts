import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['file'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a file',
			description: "Get a file's details and download it (up to 20 MB)",
		},
	],
	default: 'get',
};

export const description: INodeProperties[] = [operations, ...get.description];

export { get };
