import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { defineOperation, jsonObjectParameter, textParameter } from '../../../shared';
import { selartiRequest, workflowPath } from '../../transport';

/** Any other /wf/ endpoint, with the same session token, retries and errors as the rest. */
export const apiCall = defineOperation({
	value: 'apiCall',
	name: 'Call Endpoint',
	action: 'Call an endpoint',
	description: "Call another Selarti /wf/ endpoint with the credential's session token",
	properties: [
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
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			required: true,
			default: '/wf/',
			placeholder: '/wf/add_target',
			description: 'Endpoint under the Base URL of the credential; must start with /wf/',
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			description: 'JSON object sent as the request body (POST only)',
			displayOptions: { show: { method: ['POST'] } },
		},
	],
	async execute(context) {
		const method = context.parameter<IHttpRequestMethods>('method');
		const path = workflowPath(textParameter(context.parameter('path', '')), 'Path');
		const body =
			method === 'POST'
				? jsonObjectParameter(context.parameter('body', '{}'), 'Body (JSON)')
				: undefined;
		const answer = await selartiRequest(context.execution, {
			method,
			path,
			body,
			idempotent: method === 'GET',
			itemIndex: context.itemIndex,
		});
		const json =
			typeof answer === 'object' && answer !== null && !Array.isArray(answer)
				? (answer as IDataObject)
				: { response: answer };
		return { json: json as IDataObject };
	},
});
