import { InputError, defineOperation, textParameter } from '../../../shared';
import { messageIdField } from '../../descriptions';
import type { WazzupOperationContext } from '../../helpers/context';
import { wazzupRequest } from '../../transport';

/** PATCH /v3/message/{id} (api-reference §3.2); not possible on WABA channels. */
export const edit = defineOperation({
	value: 'edit',
	name: 'Edit',
	action: 'Edit a message',
	description: 'Change the text of a message sent before (not on WABA channels)',
	properties: [
		messageIdField('The Wazzup message ID, e.g. "messageId" from a Send output'),
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The new text',
		},
	],
	async execute(context: WazzupOperationContext) {
		const messageId = textParameter(context.parameter('messageId')).trim();
		const text = textParameter(context.parameter('text')).trim();
		if (!messageId)
			throw new InputError('Message ID is empty.', 'Map "messageId" from a Send output.');
		if (!text)
			throw new InputError(
				'Text is empty.',
				'Give the new text; to remove the message, use Delete.',
			);
		await wazzupRequest(context.execution, {
			method: 'PATCH',
			path: `/message/${encodeURIComponent(messageId)}`,
			body: { text },
			// Setting the same text twice leaves the same message.
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, messageId, text } };
	},
});
