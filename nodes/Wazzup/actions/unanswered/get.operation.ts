import type { IDataObject } from 'n8n-workflow';

import { InputError, defineOperation, textParameter } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { wazzupRequest } from '../../transport';

/**
 * GET /v3/unanswered/<crmUserId>: how many chats of a manager wait for an answer. Route and
 * answer are not in our API reference (NOT FOUND): the answer is passed on as Wazzup gives it.
 */
export const getUnanswered = defineOperation({
	value: 'get',
	name: 'Get Count',
	action: 'Get the unanswered count',
	description: "How many of a manager's chats wait for an answer",
	properties: [
		{
			displayName: 'CRM User ID',
			name: 'crmUserId',
			type: 'string',
			required: true,
			default: '',
			description: 'The manager, as your CRM knows them (see User → Create or Update)',
		},
	],
	async execute(context: WazzupOperationContext) {
		const crmUserId = textParameter(context.parameter('crmUserId')).trim();
		if (!crmUserId) throw new InputError('CRM User ID is empty.');
		const answer = await wazzupRequest<IDataObject>(context.execution, {
			method: 'GET',
			path: `/unanswered/${encodeURIComponent(crmUserId)}`,
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		return { json: { crmUserId, ...(answer ?? {}) } };
	},
});
