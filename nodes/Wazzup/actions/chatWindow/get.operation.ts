import type { IDataObject } from 'n8n-workflow';

import { InputError, defineOperation, textParameter } from '../../../shared';
import { chatIdField } from '../../descriptions';
import type { WazzupOperationContext } from '../../helpers/context';
import { resolveTarget } from '../../helpers/target';
import { wazzupRequest } from '../../transport';

/**
 * POST /v3/iframe: a link that opens Wazzup's chat window for a manager, on one chat (a
 * conversation key) or on all their chats. Route and fields are not in our API reference
 * (NOT FOUND): {user: {id, name}, scope, filter, activeChat} → {url}.
 */
export const getChatWindow = defineOperation({
	value: 'get',
	name: 'Get Link',
	action: 'Get a chat window link',
	description: "A link to Wazzup's chat window for a manager, e.g. for a handoff notice",
	properties: [
		{
			displayName: 'CRM User ID',
			name: 'crmUserId',
			type: 'string',
			required: true,
			default: '',
			description: 'The manager who opens the window (see User → Create or Update)',
		},
		{
			displayName: 'CRM User Name',
			name: 'crmUserName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Chats', value: 'global', description: 'Every chat the manager may see' },
				{ name: 'One Chat', value: 'card', description: 'Only the chat of the Chat ID' },
			],
			default: 'card',
		},
		{ ...chatIdField, displayOptions: { show: { scope: ['card'] } } },
	],
	async execute(context: WazzupOperationContext) {
		const crmUserId = textParameter(context.parameter('crmUserId')).trim();
		if (!crmUserId) throw new InputError('CRM User ID is empty.');
		const name = textParameter(context.parameter('crmUserName', '')).trim() || crmUserId;
		const scope = context.parameter<string>('scope', 'card');
		const body: IDataObject = { user: { id: crmUserId, name }, scope };
		if (scope === 'card') {
			const target = await resolveTarget(
				{ chatId: context.parameter('chatId') },
				context.channels,
				context.itemIndex,
			);
			const chat = { chatType: target.chatType, chatId: target.chatId };
			body.filter = [chat];
			body.activeChat = chat;
		}
		const answer = await wazzupRequest<IDataObject>(context.execution, {
			method: 'POST',
			path: '/iframe',
			body,
			// Asking for a link twice gives two links to the same window.
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		return { json: { url: answer?.url ?? null, ...(answer ?? {}) } };
	},
});
