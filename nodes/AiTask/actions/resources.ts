import { defineResource, type ActionName } from '../../shared';
import { apiCall } from './custom/apiCall.operation';
import { send } from './message/send.operation';
import { add } from './target/add.operation';

/**
 * Everything the AI Task node does: the only list of its resources and operations. The first
 * operation of a resource is its default, which saved workflows rely on: keep it first.
 */
export const AI_TASK_RESOURCES = [
	defineResource({
		value: 'message',
		name: 'Message',
		operations: [send],
	}),
	defineResource({ value: 'target', name: 'Target', operations: [add] }),
	defineResource({
		value: 'custom',
		name: 'Custom API Call',
		operations: [apiCall],
	}),
] as const;

export type AiTaskAction = ActionName<typeof AI_TASK_RESOURCES>;
