import type { IDataObject } from 'n8n-workflow';

import { settle } from '../../shared';
import {
	isRepeatedCrmMessageId,
	wazzupErrorOf,
	wazzupRequest,
	type WazzupContext,
} from '../transport';

/** One message as Wazzup took it. */
export interface SentPart extends IDataObject {
	messageId?: string;
	chatId?: string;
	crmMessageId: string;
	/** True when Wazzup refused a repeat of this crmMessageId: the message was already there. */
	alreadySent: boolean;
}

/**
 * A message that failed part-way: not an input error. It carries the parts that did arrive,
 * which the node puts on the error item so nobody sends them again by hand.
 */
export class PartialSendError extends Error {
	constructor(
		message: string,
		readonly sent: SentPart[],
	) {
		super(message);
	}
}

/**
 * POST /v3/message once, exactly once. The body carries a crmMessageId, so the transport may
 * repeat it after a 5xx or a broken connection: Wazzup refuses a repeat with 400
 * repeatedCrmMessageId, which means the message is there. That answer is a delivery, not an
 * error.
 */
export async function sendMessage(
	context: WazzupContext,
	body: IDataObject & { crmMessageId: string },
	itemIndex?: number,
): Promise<SentPart> {
	const answer = await settle(
		wazzupRequest<IDataObject>(context, {
			method: 'POST',
			path: '/message',
			body,
			idempotent: true,
			itemIndex,
		}),
	);
	if (answer.ok) {
		const value = answer.value ?? {};
		return {
			messageId: value.messageId === undefined ? undefined : String(value.messageId),
			chatId: value.chatId === undefined ? String(body.chatId ?? '') : String(value.chatId),
			crmMessageId: body.crmMessageId,
			alreadySent: false,
		};
	}
	if (!isRepeatedCrmMessageId(answer.error)) throw answer.error;
	const data = wazzupErrorOf(answer.error)?.data ?? {};
	return {
		messageId: data.messageId === undefined ? undefined : String(data.messageId),
		chatId: String(data.chatId ?? body.chatId ?? ''),
		crmMessageId: body.crmMessageId,
		alreadySent: true,
	};
}

/**
 * Sends the bodies one after the other (order matters to the reader, so never in parallel).
 * A later part that fails reports the parts that arrived.
 */
export async function sendInOrder(
	context: WazzupContext,
	bodies: Array<IDataObject & { crmMessageId: string }>,
	itemIndex?: number,
): Promise<SentPart[]> {
	const sent: SentPart[] = [];
	for (let index = 0; index < bodies.length; index++) {
		const part = await settle(sendMessage(context, bodies[index], itemIndex));
		if (part.ok) {
			sent.push(part.value);
			continue;
		}
		if (index === 0) throw part.error;
		const reason = part.error instanceof Error ? part.error.message : String(part.error);
		throw new PartialSendError(
			`Message ${index + 1} of ${bodies.length} could not be sent (${reason}). Messages 1–${index} were delivered: ${sent.map((s) => s.messageId ?? s.crmMessageId).join(', ')}.`,
			sent,
		);
	}
	return sent;
}
