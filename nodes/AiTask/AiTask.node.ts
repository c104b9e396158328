import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as custom from './actions/custom';
import * as message from './actions/message';
import { router } from './actions/router';
import * as target from './actions/target';

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
		credentials: [{ name: 'selartiApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Message', value: 'message' },
					{ name: 'Target', value: 'target' },
					{ name: 'Custom API Call', value: 'custom' },
				],
				default: 'message',
			},
			...message.description,
			...target.description,
			...custom.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
