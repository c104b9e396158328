import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, runOperations } from '../shared';
import { DIALOG360_RESOURCES } from './actions/resources';
import { PartialSendError } from './helpers/send';
import { listTemplates } from './helpers/templates';
import { DIALOG360_CREDENTIAL, dialog360Account } from './transport';

export class Dialog360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp',
		name: 'dialog360',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send WhatsApp messages, buttons, menus, files and templates through 360dialog, with the 24-hour window handled',
		defaults: { name: '360dialog WhatsApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: DIALOG360_CREDENTIAL, required: true }],
		properties: actionProperties(DIALOG360_RESOURCES, 'message'),
	};

	methods = {
		loadOptions: {
			async getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await listTemplates(this);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const account = await dialog360Account(this);
		return await runOperations(this, {
			resources: DIALOG360_RESOURCES,
			extra: { account },
			// A long text that failed part-way says which parts arrived, so nothing is sent twice by hand.
			errorFields: (error) => ({
				ok: false,
				...(error instanceof PartialSendError ? { sentMessageIds: error.sentMessageIds } : {}),
			}),
		});
	}
}
