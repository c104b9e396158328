import type { IDataObject } from 'n8n-workflow';

import { settle } from '../../shared';
import type { ChatTarget } from './chatCall';

/** Telegram's answer to a send, reduced to what the output lists. */
export interface SentMessage extends IDataObject {
	message_id: number;
}

/**
 * A text or caption that failed part-way. Not an input error: it carries the ids of the parts
 * that did arrive, which the node puts on the error item so nothing is sent twice by hand.
 */
export class PartialSendError extends Error {
	constructor(
		message: string,
		readonly sentMessageIds: number[],
	) {
		super(message);
	}
}

/**
 * Sends the parts of one message one after the other (never in parallel: order matters to the
 * reader). If a later part fails, the error says which parts already arrived, because sending
 * the whole text again would repeat them.
 */
export async function sendPartsInOrder(
	count: number,
	sendPart: (index: number) => Promise<SentMessage>,
): Promise<SentMessage[]> {
	const sent: SentMessage[] = [];
	for (let index = 0; index < count; index++) {
		const part = await settle(sendPart(index));
		if (part.ok) {
			sent.push(part.value);
			continue;
		}
		if (index === 0) throw part.error;
		const reason = part.error instanceof Error ? part.error.message : String(part.error);
		throw new PartialSendError(
			`Part ${index + 1} of ${count} could not be sent (${reason}). Parts 1–${index} were delivered as messages ${sent.map((m) => m.message_id).join(', ')}.`,
			sent.map((m) => m.message_id),
		);
	}
	return sent;
}

/** The output of every message-creating operation: all message ids, in the order sent. */
export function sentOutput(target: ChatTarget, sent: SentMessage[]): IDataObject {
	const output: IDataObject = {
		ok: true,
		chatId: target.chatId,
		messageId: sent[0]?.message_id,
		messageIds: sent.map((message) => message.message_id),
		parts: sent.length,
		messages: sent,
	};
	if (target.migratedFrom) output.migratedFromChatId = target.migratedFrom;
	return output;
}
