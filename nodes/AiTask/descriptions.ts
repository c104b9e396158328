import type { INodeProperties } from 'n8n-workflow';

import { InputError, textParameter } from '../shared';

/** "Task ID" of the Send and Add Target operations. */
export function taskIdField(description: string, placeholder?: string): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		...(placeholder ? { placeholder } : {}),
		description,
	};
}

/** The Task ID parameter, trimmed; empty is refused with where to find one. */
export function requireTaskId(value: unknown): string {
	const taskId = textParameter(value).trim();
	if (taskId === '')
		throw new InputError(
			'"Task ID" is empty',
			'Copy the ID of a task of type "Web" from the Selarti panel.',
		);
	return taskId;
}
