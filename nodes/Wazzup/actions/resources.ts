import { defineResource, type ActionName } from '../../shared';
import { getManyChannels } from './channel/getMany.operation';
import { apiCall } from './custom/apiCall.operation';
import { deleteMessage } from './message/delete.operation';
import { edit } from './message/edit.operation';
import { send } from './message/send.operation';
import { getManyTemplates } from './template/getMany.operation';
import { getWebhook } from './webhook/get.operation';
import { setWebhook } from './webhook/set.operation';

/**
 * Everything the Wazzup node does: the only list of its resources and operations. The first
 * operation of a resource is its default, which saved workflows rely on: keep it first.
 */
export const WAZZUP_RESOURCES = [
	defineResource({
		value: 'message',
		name: 'Message',
		operations: [send, edit, deleteMessage],
	}),
	defineResource({
		value: 'channel',
		name: 'Channel',
		description: "The account's WhatsApp, Telegram, Instagram and other channels",
		operations: [getManyChannels],
	}),
	defineResource({
		value: 'template',
		name: 'Template',
		description: 'WABA message templates',
		operations: [getManyTemplates],
	}),
	defineResource({
		value: 'webhook',
		name: 'Webhook Setting',
		description: "Where Wazzup sends the account's events",
		operations: [getWebhook, setWebhook],
	}),
	defineResource({
		value: 'custom',
		name: 'Custom API Call',
		description: 'Any other Wazzup API v3 route',
		operations: [apiCall],
	}),
] as const;

export type WazzupAction = ActionName<typeof WAZZUP_RESOURCES>;
