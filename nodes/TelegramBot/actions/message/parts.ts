import { PartialSendError, type SentMessage } from '../common/send';
import { settle } from '../common/settle';

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
