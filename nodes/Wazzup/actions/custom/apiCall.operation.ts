import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { InputError, defineOperation, jsonObjectParameter, textParameter } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { wazzupRequest } from '../../transport';

/** Any other API v3 route, with the credential's key, rate window and error handling. */
export const apiCall = defineOperation({
	value: 'apiCall',
	name: 'Call Endpoint',
	action: 'Call an API endpoint',
	description: 'Call any other Wazzup API v3 route with this credential',
	properties: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
			],
			default: 'GET',
			description: 'GET calls are retried on errors; the others are not',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			required: true,
			default: '/',
			placeholder: '/unanswered/crm-user-1',
			description: 'Relative to the API (Base URL + /v3), e.g. /users or /contacts/ID',
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			description: 'JSON object or array sent as the request body',
			displayOptions: { show: { method: ['PATCH', 'POST'] } },
		},
	],
	async execute(context: WazzupOperationContext) {
		const method = context.parameter<IHttpRequestMethods>('method', 'GET');
		const path = textParameter(context.parameter('path', '')).trim();
		if (!path.startsWith('/') || path.startsWith('//') || /^\/v3(\/|$)/.test(path)) {
			throw new InputError(
				`Path "${path}" must start with "/" and be relative to <Base URL>/v3.`,
				'Write e.g. /channels (without /v3 and without the host).',
			);
		}
		const body =
			method === 'POST' || method === 'PATCH' ? bodyOf(context.parameter('body', '{}')) : undefined;
		const answer = await wazzupRequest(context.execution, {
			method,
			path,
			body,
			idempotent: method === 'GET',
			itemIndex: context.itemIndex,
		});
		const json =
			typeof answer === 'object' && answer !== null && !Array.isArray(answer)
				? (answer as IDataObject)
				: { response: (answer ?? null) as IDataObject['response'] };
		return { json };
	},
});

/** The body field: an object, or an array (Wazzup's bulk routes take arrays). */
function bodyOf(value: unknown): IDataObject | IDataObject[] {
	const text = typeof value === 'string' ? value.trim() : '';
	if (Array.isArray(value)) return value as IDataObject[];
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed as IDataObject[];
		} catch {
			// Not valid JSON: reported below, naming the field.
		}
	}
	return jsonObjectParameter(value, 'Body (JSON)');
}
