import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, runOperations } from '../shared';
import { AI_TASK_RESOURCES } from './actions/resources';
import { SELARTI_CREDENTIAL } from './transport';

export class AiTask implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AI Task',
		name: 'aiTask',
		icon: { light: 'file:../../icons/selarti.svg', dark: 'file:../../icons/selarti.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: "Hand users' messages to a Selarti AI task and manage its leads",
		defaults: { name: 'AI Task' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: SELARTI_CREDENTIAL, required: true }],
		properties: actionProperties(AI_TASK_RESOURCES, 'message'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, { resources: AI_TASK_RESOURCES, extra: {} });
	}
}
