import { defineOperation } from '../../../shared';
import { channelLabel, chatTypeOfTransport } from '../../helpers/channels';
import type { WazzupOperationContext } from '../../helpers/context';

/** GET /v3/channels (api-reference §3.3): every channel, flagged when it cannot send. */
export const getManyChannels = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many channels',
	description: "List the account's channels with their messenger and state",
	properties: [],
	async execute(context: WazzupOperationContext) {
		const channels = await context.channels.all(context.itemIndex);
		return {
			json: {
				channels: channels.map((channel) => ({
					...channel,
					label: channelLabel(channel),
					chatType: chatTypeOfTransport(channel.transport) ?? null,
					canSend: channel.state === 'active',
				})),
				count: channels.length,
			},
		};
	},
});
