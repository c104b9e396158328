import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, jsonObjectParameter } from '../../../shared';
import {
	caseField,
	customFieldsField,
	groupField,
	labelsField,
	PRIORITY_OPTIONS,
	staffField,
	STATUS_OPTIONS,
} from '../../descriptions';
import { caseRefOf, casePath } from '../../helpers/caseRef';
import { caseLabelIds, fetchCase, labelIdsOf, optionalIdOf } from '../../helpers/directory';
import { omnideskRequest } from '../../transport';

interface UpdateFields {
	status?: string;
	priority?: string;
	groupId?: string;
	staffId?: string;
	subject?: string;
	customFields?: unknown;
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a case',
	description: 'Change status, priority, group, staff member, subject, labels or custom fields',
	properties: [
		caseField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				customFieldsField,
				groupField(),
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					options: PRIORITY_OPTIONS,
					default: 'normal',
				},
				staffField({ hint: '0 leaves the case unassigned' }),
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: STATUS_OPTIONS,
					default: 'open',
				},
				{
					displayName: 'Subject',
					name: 'subject',
					type: 'string',
					default: '',
				},
			],
		},
		{
			displayName: 'Labels',
			name: 'labelsMode',
			type: 'options',
			options: [
				{ name: 'Add', value: 'add', description: 'Add these labels, keep the others' },
				{ name: 'Keep', value: 'keep', description: 'Leave the labels as they are' },
				{ name: 'Remove', value: 'remove', description: 'Remove these labels, keep the others' },
				{ name: 'Replace', value: 'replace', description: 'Set exactly these labels' },
			],
			default: 'keep',
		},
		labelsField({ displayOptions: { hide: { labelsMode: ['keep'] } } }),
	],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		const options = context.parameter<UpdateFields>('updateFields', {});
		const fields: IDataObject = {};
		if (options.status) fields.status = options.status;
		if (options.priority) fields.priority = options.priority;
		if (options.subject) fields.subject = options.subject;
		const groupId = optionalIdOf(options.groupId, 'Group');
		if (groupId !== undefined) fields.group_id = groupId;
		const staffId = optionalIdOf(options.staffId, 'Staff Member');
		if (staffId !== undefined) fields.staff_id = staffId;
		const custom = jsonObjectParameter(options.customFields, 'Custom Fields (JSON)');
		if (Object.keys(custom).length) fields.custom_fields = custom;

		const mode = context.parameter<string>('labelsMode', 'keep');
		if (mode !== 'keep') {
			const ids = await labelIdsOf(
				context.execution,
				context.parameter<string[]>('labelIds', []),
				'Labels',
				context.itemIndex,
			);
			if (mode === 'replace') fields.labels = ids;
			else {
				// Omnidesk documents only "labels" (the whole set): read the case, then write the set.
				const current = caseLabelIds(await fetchCase(context.execution, ref, context.itemIndex));
				fields.labels =
					mode === 'add'
						? [...new Set([...current, ...ids])]
						: current.filter((id) => !ids.includes(id));
			}
		}
		if (Object.keys(fields).length === 0) {
			throw new InputError(
				'Nothing to update.',
				'Add a field under Update Fields, or choose how to change the labels.',
			);
		}
		// Setting fields to values is safe to repeat.
		const body = await omnideskRequest<{ case?: IDataObject }>(context.execution, {
			method: 'PUT',
			path: casePath(ref),
			body: { case: fields },
			idempotent: true,
			itemIndex: context.itemIndex,
		});
		return { json: body.case ?? body };
	},
});
