import { tryParseConversationKey } from '../../../shared';

export class ChatIdError extends Error {}

const PLAIN_CHAT_ID = /^(?:-?\d+|@[A-Za-z0-9_]{4,})$/;

/**
 * The chat a send goes to. Accepts what a builder is likely to have at hand: the conversation
 * key of a trigger item (`telegram:<botId>:<chatId>`), a numeric chat id (also as a number) or a
 * channel's @username. A key for another bot or another channel is refused: sending it through
 * this bot would reach the wrong chat or none.
 */
export function resolveChatId(value: unknown, botId: string): string {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value))
			throw new ChatIdError(`Chat ID ${value} is not an exact integer: pass it as a string.`);
		return String(value);
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new ChatIdError(
			'Chat ID is empty: map "conversation.key" from a Telegram trigger, or enter a chat id or @channelusername.',
		);
	}
	if (PLAIN_CHAT_ID.test(text)) return text;
	const parsed = tryParseConversationKey(text);
	if (!parsed.ok)
		throw new ChatIdError(
			`Chat ID "${text}" is neither a Telegram chat id nor a conversation key. ${parsed.error}`,
		);
	const route = parsed.route;
	if (route.channel !== 'telegram') {
		throw new ChatIdError(
			`Conversation key "${text}" belongs to ${route.channel}, not Telegram: route it to the ${route.channel} node.`,
		);
	}
	if (route.botId !== botId) {
		throw new ChatIdError(
			`Conversation key "${text}" belongs to bot ${route.botId}, but this credential is for bot ${botId}: select that bot's credential.`,
		);
	}
	return route.chatId;
}

/** Message ids are small integers; accept them as numbers or digit strings. */
export function resolveMessageId(value: unknown, field = 'Message ID'): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+\s*$/.test(value)
				? Number(value)
				: NaN;
	if (!Number.isSafeInteger(n) || n <= 0)
		throw new ChatIdError(`${field} must be a positive whole number, got "${String(value)}".`);
	return n;
}
