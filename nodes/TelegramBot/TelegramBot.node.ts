import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as callback from './actions/callback';
import * as file from './actions/file';
import * as message from './actions/message';
import { route } from './actions/router';
import { TELEGRAM_CREDENTIAL } from './transport';

export class TelegramBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot',
		name: 'telegramBot',
		icon: { light: 'file:../../icons/telegram.svg', dark: 'file:../../icons/telegram.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send, edit and delete Telegram messages with buttons, long-text splitting and rate-limit handling',
		defaults: { name: 'Telegram Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TELEGRAM_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Callback', value: 'callback', description: 'Answer inline button presses' },
					{ name: 'File', value: 'file', description: 'Get and download files users sent' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			...message.description,
			...callback.description,
			...file.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
