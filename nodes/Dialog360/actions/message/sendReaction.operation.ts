import { defineOperation, InputError, textParameter } from '../../../shared';
import { chatIdField, messageIdField } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import { sendMessage, sentOutput, type Dialog360OperationContext } from '../../helpers/send';

export const sendReaction = defineOperation({
	value: 'sendReaction',
	name: 'Send Reaction',
	action: 'React to a message with an emoji',
	properties: [
		chatIdField,
		messageIdField('The wamid of the message to react to, e.g. {{ $json.message.id }}'),
		{
			displayName: 'Emoji',
			name: 'emoji',
			type: 'string',
			default: '👍',
			description: 'One emoji; empty removes an earlier reaction',
		},
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const messageId = textParameter(context.parameter('messageId')).trim();
		if (!messageId)
			throw new InputError('"Message ID" is empty.', 'Map message.id from the trigger.');
		const emoji = textParameter(context.parameter('emoji', '')).trim();
		const id = await sendMessage(context, to, 'reaction', { message_id: messageId, emoji });
		return { json: sentOutput(to, [id]) };
	},
});
