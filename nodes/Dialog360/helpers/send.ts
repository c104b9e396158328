import type { IDataObject } from 'n8n-workflow';

import { settle, type OperationContext } from '../../shared';
import { dialog360Request, type Dialog360Account } from '../transport';

/** What every 360dialog operation gets: n8n's context for the item and the credential's variant. */
export type Dialog360OperationContext = OperationContext<{ account: Dialog360Account }>;

/** The send path and body per variant: Cloud needs messaging_product, the others refuse it (§4.1). */
export function messageBody(
	account: Dialog360Account,
	to: string,
	type: string,
	payload: IDataObject,
): IDataObject {
	const body: IDataObject = { recipient_type: 'individual', to, type, [type]: payload };
	return account.cloud ? { messaging_product: 'whatsapp', ...body } : body;
}

export function messagesPath(account: Dialog360Account): string {
	return account.cloud ? '/messages' : '/v1/messages';
}

/** Sends one message; resolves to its wamid. */
export async function sendMessage(
	context: Dialog360OperationContext,
	to: string,
	type: string,
	payload: IDataObject,
): Promise<string> {
	const answer = await dialog360Request<{ messages?: Array<{ id?: string }> }>(context.execution, {
		method: 'POST',
		path: messagesPath(context.account),
		body: messageBody(context.account, to, type, payload),
		kind: 'send',
		itemIndex: context.itemIndex,
	});
	return String(answer?.messages?.[0]?.id ?? '');
}

/** The output of every sending operation. */
export function sentOutput(to: string, messageIds: string[], extra: IDataObject = {}): IDataObject {
	return {
		ok: true,
		to,
		messageId: messageIds[0],
		messageIds,
		parts: messageIds.length,
		...extra,
	};
}

/**
 * Sends several messages in order. If a later one fails, the error says which ones arrived: the
 * whole text sent again would repeat them.
 */
export async function sendInOrder(
	count: number,
	sendOne: (index: number) => Promise<string>,
): Promise<string[]> {
	const sent: string[] = [];
	for (let index = 0; index < count; index++) {
		const result = await settle(sendOne(index));
		if (result.ok) {
			sent.push(result.value);
			continue;
		}
		if (index === 0) throw result.error;
		const reason = result.error instanceof Error ? result.error.message : String(result.error);
		throw new PartialSendError(
			`Part ${index + 1} of ${count} could not be sent (${reason}). Parts 1–${index} were delivered as ${sent.join(', ')}.`,
			sent,
		);
	}
	return sent;
}

/** A long text that failed part-way; carries the ids that did arrive. */
export class PartialSendError extends Error {
	constructor(
		message: string,
		readonly sentMessageIds: string[],
	) {
		super(message);
	}
}
