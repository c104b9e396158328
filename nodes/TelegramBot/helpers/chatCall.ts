import type { IDataObject } from 'n8n-workflow';

import { settle, type OperationContext } from '../../shared';
import { telegramErrorOf, telegramRequest, type CallKind } from '../transport';
import { resolveChatId } from './chat';

/** What every Telegram operation gets: n8n's context for the item, and the credential's bot id. */
export type TelegramOperationContext = OperationContext<{ botId: string }>;

/** The chat an item sends to; it changes once if Telegram says the group became a supergroup. */
export interface ChatTarget {
	chatId: string;
	migratedFrom?: string;
}

/** The chat an item's operation addresses, from the node's Chat ID parameter. */
export function chatTargetOf(context: TelegramOperationContext): ChatTarget {
	return { chatId: resolveChatId(context.parameter('chatId'), context.botId) };
}

/**
 * Calls a method for one chat. When a group has been upgraded to a supergroup, Telegram refuses
 * the old id and names the new one (`migrate_to_chat_id`): the call is repeated once to the new
 * chat, which is safe because the refused call did nothing. Later calls of the item use it too.
 */
export async function callForChat<T>(
	context: TelegramOperationContext,
	target: ChatTarget,
	method: string,
	body: (chatId: string) => IDataObject | FormData,
	kind: CallKind = 'send',
): Promise<T> {
	const call = async () =>
		await telegramRequest<T>(context.execution, {
			method,
			body: body(target.chatId),
			kind,
			botId: context.botId,
			chatId: target.chatId,
			itemIndex: context.itemIndex,
		});
	const first = await settle(call());
	if (first.ok) return first.value;
	const migrateTo = telegramErrorOf(first.error)?.parameters?.migrate_to_chat_id;
	if (migrateTo === undefined || target.migratedFrom !== undefined) throw first.error;
	target.migratedFrom = target.chatId;
	target.chatId = String(migrateTo);
	return await call();
}
