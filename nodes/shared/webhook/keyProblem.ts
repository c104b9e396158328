import { ConversationKeyError } from '../conversation/key';
import { settle } from '../util/settle';

/**
 * Builds a delivery's items. Ids that cannot make a conversation key (a 300-character chat id, a
 * number written as 1e+308) are the sender's fault: a problem to answer 400 with, where the
 * thrown error would have made n8n answer 500. Any other error is passed on unchanged.
 */
export async function buildDeliveryItems<T>(
	build: () => T | Promise<T>,
): Promise<{ ok: true; items: T } | { ok: false; problem: string }> {
	const result = await settle(Promise.resolve().then(build));
	if (result.ok) return { ok: true, items: result.value };
	if (result.error instanceof ConversationKeyError) {
		return {
			ok: false,
			problem: `The delivery's ids do not make a conversation key: ${result.error.message}`,
		};
	}
	throw result.error;
}
