import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, optionsCollection, textParameter } from '../../../shared';
import { chatIdField } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import { sendMessage, sentOutput, type Dialog360OperationContext } from '../../helpers/send';

/** A contact card (Meta's contacts message with one contact: a name and a phone). */
export const sendContact = defineOperation({
	value: 'sendContact',
	name: 'Send Contact',
	action: 'Send a contact card',
	properties: [
		chatIdField,
		{
			displayName: 'Name',
			name: 'contactName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Support team',
		},
		{
			displayName: 'Phone',
			name: 'contactPhone',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+4917612345678',
		},
		optionsCollection([
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Organization', name: 'organization', type: 'string', default: '' },
		]),
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const name = textParameter(context.parameter('contactName')).trim();
		const phone = textParameter(context.parameter('contactPhone')).trim();
		if (!name || !phone)
			throw new InputError('"Name" and "Phone" of the contact are both required.');
		const options = context.parameter<IDataObject>('options', {});
		const contact: IDataObject = {
			name: { formatted_name: name, first_name: name },
			phones: [{ phone, type: 'WORK' }],
		};
		if (options.email) contact.emails = [{ email: String(options.email), type: 'WORK' }];
		if (options.organization) contact.org = { company: String(options.organization) };
		// A contacts message carries an array; the payload key is the type, as for every message.
		const id = await sendMessage(context, to, 'contacts', [contact] as unknown as IDataObject);
		return { json: sentOutput(to, [id]) };
	},
});
