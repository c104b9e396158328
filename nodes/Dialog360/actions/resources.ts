import { defineResource, type ActionName } from '../../shared';
import { download } from './media/download.operation';
import { upload } from './media/upload.operation';
import { markAsRead } from './message/markAsRead.operation';
import { sendChoices } from './message/sendChoices.operation';
import { sendContact } from './message/sendContact.operation';
import { sendLocation } from './message/sendLocation.operation';
import { sendMedia } from './message/sendMedia.operation';
import { sendReaction } from './message/sendReaction.operation';
import { sendTemplate } from './message/sendTemplate.operation';
import { sendText } from './message/sendText.operation';
import { getWebhook } from './webhook/get.operation';
import { setWebhook } from './webhook/set.operation';

/**
 * Everything the 360dialog node does: the only list of its resources and operations. The first
 * operation of a resource is its default, which saved workflows rely on: keep it first.
 */
export const DIALOG360_RESOURCES = [
	defineResource({
		value: 'message',
		name: 'Message',
		operations: [
			sendText,
			sendChoices,
			sendMedia,
			sendTemplate,
			sendLocation,
			sendContact,
			sendReaction,
			markAsRead,
		],
	}),
	defineResource({
		value: 'media',
		name: 'Media',
		description: 'Upload files and download received ones (Cloud API)',
		operations: [upload, download],
	}),
	defineResource({
		value: 'webhook',
		name: 'Webhook',
		description: "Read or change where this number's events go",
		operations: [getWebhook, setWebhook],
	}),
] as const;

export type Dialog360Action = ActionName<typeof DIALOG360_RESOURCES>;
