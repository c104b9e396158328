import { defineResource, type ActionName } from '../../shared';
import { getManyChannels } from './channel/getMany.operation';
import { getChatWindow } from './chatWindow/get.operation';
import { deleteOperation, getOperation } from './crm/get.operation';
import { getManyOperation } from './crm/getMany.operation';
import { upsertOperation } from './crm/upsert.operation';
import { apiCall } from './custom/apiCall.operation';
import { deleteMessage } from './message/delete.operation';
import { edit } from './message/edit.operation';
import { send } from './message/send.operation';
import { getManyTemplates } from './template/getMany.operation';
import { getUnanswered } from './unanswered/get.operation';
import { getWebhook } from './webhook/get.operation';
import { setWebhook } from './webhook/set.operation';
import { CONTACTS, DEALS, USERS, type CrmEntity } from '../helpers/crm';

/** Create or update, get, get many, delete: the same four for contacts, deals and users. */
const crmOperations = (entity: CrmEntity) =>
	[
		upsertOperation(entity),
		getOperation(entity),
		getManyOperation(entity),
		deleteOperation(entity),
	] as const;

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
		value: 'contact',
		name: 'Contact',
		description: 'Contacts your CRM shares with Wazzup (not with a sidecar key)',
		operations: crmOperations(CONTACTS),
	}),
	defineResource({
		value: 'deal',
		name: 'Deal',
		description: 'Deals your CRM shares with Wazzup (not with a sidecar key)',
		operations: crmOperations(DEALS),
	}),
	defineResource({
		value: 'user',
		name: 'User',
		description: 'Managers your CRM shares with Wazzup (not with a sidecar key)',
		operations: crmOperations(USERS),
	}),
	defineResource({
		value: 'unanswered',
		name: 'Unanswered',
		description: "Chats waiting for a manager's answer",
		operations: [getUnanswered],
	}),
	defineResource({
		value: 'chatWindow',
		name: 'Chat Window',
		description: "Links to Wazzup's chat window (iframe)",
		operations: [getChatWindow],
	}),
	defineResource({
		value: 'custom',
		name: 'Custom API Call',
		description: 'Any other Wazzup API v3 route',
		operations: [apiCall],
	}),
] as const;

export type WazzupAction = ActionName<typeof WAZZUP_RESOURCES>;
