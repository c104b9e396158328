import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { selartiRequest, workflowPath } from '../../transport';
import { jsonObjectParameter } from '../json';

const showForCall = { resource: ['custom'], operation: ['apiCall'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
		default: 'POST',
		description:
			'Selarti workflow endpoints take POST; GET calls are retried on errors, POST calls are not',
		displayOptions: { show: showForCall },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '/wf/',
		placeholder: '/wf/add_target',
		description: 'Endpoint under the Base URL of the credential; must start with /wf/',
		displayOptions: { show: showForCall },
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'JSON object sent as the request body (POST only)',
		displayOptions: { show: { ...showForCall, method: ['POST'] } },
	},
];

/** Any other /wf/ endpoint, with the same session token, retries and errors as the rest. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = workflowPath(
		this,
		String(this.getNodeParameter('path', itemIndex, '')),
		'Path',
		itemIndex,
	);
	const body =
		method === 'POST'
			? jsonObjectParameter(
					this,
					this.getNodeParameter('body', itemIndex, '{}'),
					'Body (JSON)',
					itemIndex,
				)
			: undefined;
	const answer = await selartiRequest.call(this, {
		method,
		path,
		body,
		idempotent: method === 'GET',
		itemIndex,
	});
	return (
		typeof answer === 'object' && answer !== null && !Array.isArray(answer)
			? answer
			: { response: answer }
	) as IDataObject;
}
