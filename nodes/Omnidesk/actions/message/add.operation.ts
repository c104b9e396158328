import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, optionsCollection, textParameter } from '../../../shared';
import { caseField } from '../../descriptions';
import { caseRefOf, casePath } from '../../helpers/caseRef';
import { attachmentUrlsOf, contentFields, FORMAT_OPTION } from '../../helpers/content';
import { fetchCase, optionalIdOf } from '../../helpers/directory';
import { omnideskRequest } from '../../transport';

interface AddOptions {
	attachmentUrls?: string;
	doNotSendEmail?: boolean;
	format?: string;
}

export const add = defineOperation({
	value: 'add',
	name: 'Add to Case',
	action: 'Add a message to a case',
	description: 'Reply in a case as a staff member (the AI), or add a message as the client',
	properties: [
		caseField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The message. May be empty when attachments are given.',
		},
		{
			displayName: 'Author',
			name: 'author',
			type: 'options',
			options: [
				{
					name: 'Staff Member',
					value: 'staff',
					description: 'A reply the client sees (by default from the credential’s staff member)',
				},
				{
					name: 'User (Client)',
					value: 'user',
					description: 'A message written in the name of the case’s client',
				},
			],
			default: 'staff',
		},
		{
			displayName: 'Staff Member Name or ID',
			name: 'staffId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getStaff' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: "Reply as this staff member; empty = the credential's staff member",
			displayOptions: { show: { author: ['staff'] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description: "The client's Omnidesk user ID; empty = the case's client",
			displayOptions: { show: { author: ['user'] } },
		},
		optionsCollection([
			{
				displayName: 'Attachment URLs',
				name: 'attachmentUrls',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description:
					'Files Omnidesk downloads and attaches, one URL per line (25 MB each, 50 MB in all)',
			},
			{
				displayName: 'Do Not Send Email',
				name: 'doNotSendEmail',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep Omnidesk from emailing this reply to the client (email cases)',
			},
			FORMAT_OPTION,
		]),
	],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		const text = textParameter(context.parameter('text'));
		const options = context.parameter<AddOptions>('options', {});
		const attachmentUrls = attachmentUrlsOf(options.attachmentUrls);
		if (!text.trim() && attachmentUrls.length === 0) {
			throw new InputError(
				'Text is empty and there are no attachments.',
				'Map the AI reply into Text.',
			);
		}
		const fields: IDataObject = text.trim() ? contentFields(text, options.format ?? 'text') : {};
		if (attachmentUrls.length) fields.attachment_urls = attachmentUrls;
		if (options.doNotSendEmail) fields.do_not_send_email = true;
		if (context.parameter<string>('author', 'staff') === 'user') {
			const userId =
				optionalIdOf(context.parameter('userId', ''), 'User ID') ??
				optionalIdOf(
					(await fetchCase(context.execution, ref, context.itemIndex)).user_id,
					'User ID',
				);
			if (!userId) throw new InputError('The case has no client to write as.', 'Give the User ID.');
			fields.user_id = userId;
		} else {
			const staffId = optionalIdOf(context.parameter('staffId', ''), 'Staff Member');
			if (staffId !== undefined) fields.staff_id = staffId;
		}
		// Never repeated once it may have arrived: the client would get the message twice.
		const body = await omnideskRequest<{ message?: IDataObject }>(context.execution, {
			method: 'POST',
			path: casePath(ref, '/messages'),
			body: { message: fields },
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, caseRef: ref, ...(body.message ?? body) } };
	},
});
