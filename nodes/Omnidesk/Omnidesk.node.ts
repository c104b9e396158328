import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, runOperations } from '../shared';
import { OMNIDESK_RESOURCES } from './actions/resources';
import { omnideskLoadOptions } from './helpers/loadOptions';
import { OMNIDESK_CREDENTIAL } from './transport';

export class Omnidesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Omnidesk',
		name: 'omnidesk',
		icon: { light: 'file:../../icons/omnidesk.svg', dark: 'file:../../icons/omnidesk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Answer Omnidesk cases with AI, hand them over to humans, and read cases, labels, staff and the knowledge base',
		defaults: { name: 'Omnidesk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OMNIDESK_CREDENTIAL, required: true }],
		properties: actionProperties(OMNIDESK_RESOURCES, 'message'),
	};

	methods = { loadOptions: omnideskLoadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, { resources: OMNIDESK_RESOURCES, extra: {} });
	}
}
