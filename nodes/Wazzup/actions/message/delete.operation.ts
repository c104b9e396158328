import { InputError, defineOperation, textParameter } from '../../../shared';
import { messageIdField } from '../../descriptions';
import type { WazzupOperationContext } from '../../helpers/context';
import { wazzupRequest } from '../../transport';

/** DELETE /v3/message/{id} (api-reference §3.2); not possible on WABA channels. */
export const deleteMessage = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message sent before (not on WABA channels)',
	properties: [messageIdField('The Wazzup message ID, e.g. "messageId" from a Send output')],
	async execute(context: WazzupOperationContext) {
		const messageId = textParameter(context.parameter('messageId')).trim();
		if (!messageId)
			throw new InputError('Message ID is empty.', 'Map "messageId" from a Send output.');
		await wazzupRequest(context.execution, {
			method: 'DELETE',
			path: `/message/${encodeURIComponent(messageId)}`,
			// A repeat after a lost answer would say "not found" about a deleted message: not retried.
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, messageId, deleted: true } };
	},
});
