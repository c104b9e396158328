import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { wazzupRequest } from '../../transport';

/**
 * The account's WABA templates. The route is not in the public docs we found (NOT FOUND in
 * api-reference §3): GET /v3/templates/whatsapp, the one sidecar keys are said to reach.
 */
export const getManyTemplates = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many templates',
	description: 'List the WhatsApp Business API (WABA) message templates',
	properties: [],
	async execute(context: WazzupOperationContext) {
		const answer = await wazzupRequest<unknown>(context.execution, {
			method: 'GET',
			path: '/templates/whatsapp',
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		const templates = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		return { json: { templates, count: templates.length } };
	},
});
