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
import { WAZZUP_RESOURCES } from './actions/resources';
import { channelDirectory, channelLabel, listChannels } from './helpers/channels';
import { PartialSendError } from './helpers/send';
import { WAZZUP_CREDENTIAL } from './transport';

export class Wazzup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wazzup',
		name: 'wazzup',
		icon: { light: 'file:../../icons/wazzup.svg', dark: 'file:../../icons/wazzup.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send WhatsApp, Telegram, Instagram and other messages through Wazzup, exactly once, with long-text splitting and rate-limit handling',
		defaults: { name: 'Wazzup' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: WAZZUP_CREDENTIAL, required: true }],
		properties: actionProperties(WAZZUP_RESOURCES, 'message'),
	};

	methods = {
		loadOptions: {
			async getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const channels = await listChannels(this);
				return channels.map((channel) => ({
					name: channelLabel(channel),
					value: channel.channelId,
					description:
						channel.state && channel.state !== 'active'
							? `Cannot send until reconnected in Wazzup (state: ${channel.state})`
							: undefined,
				}));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, {
			resources: WAZZUP_RESOURCES,
			// One channel list per run, fetched only by the items that need it.
			extra: { channels: channelDirectory(this) },
			// A message that failed part-way says which parts arrived, so nothing is sent twice by hand.
			errorFields: (error) => ({
				ok: false,
				...(error instanceof PartialSendError ? { sentMessages: error.sent } : {}),
			}),
		});
	}
}
