import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, textParameter } from '../../../shared';
import { requireTaskId, taskIdField } from '../../descriptions';
import { selartiRequest } from '../../transport';

/** POST /wf/add_target {task, target}. Not marked idempotent: a repeat might add the lead twice. */
export const add = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a target to a task',
	description: 'Add a lead for a task to contact',
	properties: [
		taskIdField('ID of the Selarti task the lead is added to'),
		{
			displayName: 'Target',
			name: 'target',
			type: 'string',
			required: true,
			default: '',
			placeholder: '@username',
			description: 'The lead for the task to contact, e.g. a Telegram @username',
		},
	],
	async execute(context) {
		const task = requireTaskId(context.parameter('taskId', ''));
		const target = textParameter(context.parameter('target', '')).trim();
		if (target === '')
			throw new InputError('"Target" is empty', 'Set the lead to add, e.g. @username.');
		const answer = await selartiRequest<{ response?: unknown } | undefined>(context.execution, {
			method: 'POST',
			path: '/wf/add_target',
			body: { task, target },
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return { json: { task, target, response: (answer?.response ?? answer ?? {}) as IDataObject } };
	},
});
