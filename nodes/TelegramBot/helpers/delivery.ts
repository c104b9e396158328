import type { IDataObject } from 'n8n-workflow';

import { resolveMessageId } from './chat';

/** The "Options" every message-creating operation shares (descriptions.ts, deliveryOptions). */
export interface DeliveryOptions {
	disableNotification?: boolean;
	protectContent?: boolean;
	replyToMessageId?: string | number;
	messageThreadId?: string | number;
}

/** Fields for one message; a reply goes on the first part only. */
export function deliveryFields(options: DeliveryOptions, isFirstPart: boolean): IDataObject {
	const body: IDataObject = {};
	if (options.disableNotification) body.disable_notification = true;
	if (options.protectContent) body.protect_content = true;
	if (options.messageThreadId !== undefined && String(options.messageThreadId).trim() !== '') {
		body.message_thread_id = resolveMessageId(options.messageThreadId, 'Message Thread ID');
	}
	if (
		isFirstPart &&
		options.replyToMessageId !== undefined &&
		String(options.replyToMessageId).trim() !== ''
	) {
		body.reply_parameters = {
			message_id: resolveMessageId(options.replyToMessageId, 'Reply To Message ID'),
			allow_sending_without_reply: true,
		};
	}
	return body;
}
