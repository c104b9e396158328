import { defineOperation, InputError, textParameter } from '../../../shared';
import { messageIdField } from '../../descriptions';
import type { Dialog360OperationContext } from '../../helpers/send';
import { dialog360Request } from '../../transport';

/**
 * Blue ticks for a received message. Cloud: POST /messages {status: "read"}; On-Premise:
 * PUT /v1/messages/<id> {status: "read"} (Meta's two APIs; 360dialog passes them through).
 */
export const markAsRead = defineOperation({
	value: 'markAsRead',
	name: 'Mark as Read',
	action: 'Mark a received message as read',
	properties: [messageIdField('The wamid of the received message, e.g. {{ $json.message.id }}')],
	async execute(context: Dialog360OperationContext) {
		const messageId = textParameter(context.parameter('messageId')).trim();
		if (!messageId)
			throw new InputError('"Message ID" is empty.', 'Map message.id from the trigger.');
		const cloud = context.account.cloud;
		await dialog360Request(context.execution, {
			method: cloud ? 'POST' : 'PUT',
			path: cloud ? '/messages' : `/v1/messages/${encodeURIComponent(messageId)}`,
			body: cloud
				? { messaging_product: 'whatsapp', status: 'read', message_id: messageId }
				: { status: 'read' },
			kind: 'read',
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, messageId } };
	},
});
