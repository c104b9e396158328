import type { IDataObject } from 'n8n-workflow';

import { buildConversationKey, chatIdOf, type ConversationRoute } from './key';

/** A file or media object that came with a message; ids and URLs as the provider gave them. */
export interface Attachment extends IDataObject {
	kind: string;
	id?: string;
	url?: string;
	mimeType?: string;
	fileName?: string;
	size?: number;
}

export type ConversationInfo = IDataObject & { key: string; channel: string; chatId: string };

/** What every provider trigger outputs (docs/architecture.md, "The conversation event"). */
export interface ConversationEvent extends IDataObject {
	event: string;
	conversation: ConversationInfo;
	message: IDataObject & {
		id: string;
		text: string;
		type: string;
		replyToId?: string;
		attachments: Attachment[];
	};
	contact: IDataObject & {
		id?: string;
		name?: string;
		phone?: string;
		username?: string;
		email?: string;
	};
	raw: IDataObject;
}

/** The `conversation` block for a route: its key, channel and chat id first, then the route fields. */
export function conversationInfo(route: ConversationRoute): ConversationInfo {
	return { key: buildConversationKey(route), chatId: chatIdOf(route), ...route };
}

/**
 * Attachments as text lines `file:<kind>|<id>|<url>`, the format AI agents on these channels
 * already read. `|` inside a value would break the format, so it is percent-encoded.
 */
export function attachmentLines(attachments: readonly Attachment[]): string[] {
	const clean = (value: string | undefined) =>
		(value ?? '').replace(/[|\r\n]/g, (c) => encodeURIComponent(c));
	return attachments.map((a) => `file:${clean(a.kind)}|${clean(a.id)}|${clean(a.url)}`);
}
