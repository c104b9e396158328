import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, runOperations } from '../shared';
import { TELEGRAM_RESOURCES } from './actions/resources';
import { PartialSendError } from './helpers/parts';
import { botIdentity, TELEGRAM_CREDENTIAL } from './transport';

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
		properties: actionProperties(TELEGRAM_RESOURCES, 'message'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { botId } = await botIdentity(this);
		return await runOperations(this, {
			resources: TELEGRAM_RESOURCES,
			extra: { botId },
			// A long text that failed part-way says which parts did arrive, so nothing is sent twice by hand.
			errorFields: (error) => ({
				ok: false,
				...(error instanceof PartialSendError ? { sentMessageIds: error.sentMessageIds } : {}),
			}),
		});
	}
}
