import { defineOperation } from '../../../shared';
import { chatIdField } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import { sendMessage, sentOutput, type Dialog360OperationContext } from '../../helpers/send';
import { templateChoice, templatePayload } from '../../helpers/template';

/** An approved template: the only message WhatsApp delivers outside the 24-hour window. */
export const sendTemplate = defineOperation({
	value: 'sendTemplate',
	name: 'Send Template',
	action: 'Send an approved template',
	description: 'The only kind of message allowed outside the 24-hour window',
	properties: [
		chatIdField,
		{
			displayName: 'Template Name or ID',
			name: 'templateName',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTemplates' },
			required: true,
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Approved templates of this number. Not listed? Type its name as an expression.',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en',
			description: 'The language code the template was approved in, e.g. en, en_US, de, es',
		},
		{
			displayName: 'Components',
			name: 'components',
			type: 'json',
			default: '[]',
			description:
				'Values for the template\'s variables, as Meta\'s components array, e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Anna"}]}]',
		},
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const template = templateChoice(
			context.parameter('templateName'),
			context.parameter('language', 'en'),
			context.parameter('components', '[]'),
			{ name: 'Template Name or ID', components: 'Components' },
		);
		const id = await sendMessage(context, to, 'template', templatePayload(template));
		return { json: sentOutput(to, [id], { template: template.name }) };
	},
});
