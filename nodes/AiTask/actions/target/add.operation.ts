import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { selartiRequest } from '../../transport';

const showForAdd = { resource: ['target'], operation: ['add'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the Selarti task the lead is added to',
		displayOptions: { show: showForAdd },
	},
	{
		displayName: 'Target',
		name: 'target',
		type: 'string',
		required: true,
		default: '',
		placeholder: '@username',
		description: 'The lead for the task to contact, e.g. a Telegram @username',
		displayOptions: { show: showForAdd },
	},
];

/** POST /wf/add_target {task, target}. Not marked idempotent: a repeat might add the lead twice. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const task = String(this.getNodeParameter('taskId', itemIndex, '') ?? '').trim();
	const target = String(this.getNodeParameter('target', itemIndex, '') ?? '').trim();
	if (task === '') {
		throw new NodeOperationError(this.getNode(), '"Task ID" is empty', {
			itemIndex,
			description: 'Copy the task ID from the Selarti panel.',
		});
	}
	if (target === '') {
		throw new NodeOperationError(this.getNode(), '"Target" is empty', {
			itemIndex,
			description: 'Set the lead to add, e.g. @username.',
		});
	}
	const answer = (await selartiRequest.call(this, {
		method: 'POST',
		path: '/wf/add_target',
		body: { task, target },
		idempotent: false,
		itemIndex,
	})) as { response?: unknown } | undefined;
	return { task, target, response: (answer?.response ?? answer ?? {}) as IDataObject };
}
