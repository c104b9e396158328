import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, jsonObjectParameter, textParameter } from '../../../shared';
import {
	customFieldsField,
	groupField,
	labelsField,
	PRIORITY_OPTIONS,
	staffField,
} from '../../descriptions';
import { labelIdsOf, optionalIdOf } from '../../helpers/directory';
import { omnideskRequest } from '../../transport';

interface CreateOptions {
	userFullName?: string;
	languageId?: number;
	groupId?: string;
	staffId?: string;
	priority?: string;
	labelIds?: string[];
	customFields?: unknown;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a case',
	description: 'Open a new case for a client, found or created by email or phone',
	properties: [
		{
			displayName: 'User Email',
			name: 'userEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email of the client. Give an email or a phone.',
		},
		{
			displayName: 'User Phone',
			name: 'userPhone',
			type: 'string',
			default: '',
			description: 'Phone of the client, used when there is no email',
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: "The case's first message, from the client",
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				customFieldsField,
				groupField(),
				labelsField(),
				{
					displayName: 'Language ID',
					name: 'languageId',
					type: 'number',
					default: 1,
					description: 'Omnidesk language ID of the case',
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					options: PRIORITY_OPTIONS,
					default: 'normal',
				},
				staffField(),
				{
					displayName: 'User Full Name',
					name: 'userFullName',
					type: 'string',
					default: '',
				},
			],
		},
	],
	async execute(context) {
		const email = textParameter(context.parameter('userEmail')).trim();
		const phone = textParameter(context.parameter('userPhone')).trim();
		if (!email && !phone) {
			throw new InputError(
				'User Email and User Phone are both empty.',
				'Omnidesk finds or creates the client by email or phone: give one of them.',
			);
		}
		const subject = textParameter(context.parameter('subject')).trim();
		const content = textParameter(context.parameter('content'));
		if (!subject) throw new InputError('Subject is empty.', 'Every Omnidesk case needs a subject.');
		if (!content.trim()) throw new InputError('Content is empty.', 'Write the first message.');
		const options = context.parameter<CreateOptions>('additionalFields', {});
		const fields: IDataObject = { subject, content };
		if (email) fields.user_email = email;
		if (phone) fields.user_phone = phone;
		if (options.userFullName) fields.user_full_name = options.userFullName;
		if (options.languageId !== undefined) fields.language_id = options.languageId;
		if (options.priority) fields.priority = options.priority;
		const groupId = optionalIdOf(options.groupId, 'Group');
		if (groupId !== undefined) fields.group_id = groupId;
		const staffId = optionalIdOf(options.staffId, 'Staff Member');
		if (staffId !== undefined) fields.staff_id = staffId;
		if (options.labelIds?.length) {
			fields.labels = await labelIdsOf(
				context.execution,
				options.labelIds,
				'Labels',
				context.itemIndex,
			);
		}
		const custom = jsonObjectParameter(options.customFields, 'Custom Fields (JSON)');
		if (Object.keys(custom).length) fields.custom_fields = custom;
		// Not idempotent: a repeat after a lost answer would open a second case.
		const body = await omnideskRequest<{ case?: IDataObject }>(context.execution, {
			method: 'POST',
			path: '/cases.json',
			body: { case: fields },
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return { json: body.case ?? body };
	},
});
