import { InputError, resolveChannelTarget, TELEGRAM_CHAT_ID } from '../../shared';

/**
 * The chat a send goes to. Accepts what a builder is likely to have at hand: the conversation
 * key of a trigger item (`telegram:<botId>:<chatId>`), a numeric chat id (also as a number) or a
 * channel's @username. A key for another bot is refused: sending it through this bot would reach
 * the wrong chat or none.
 */
export function resolveChatId(value: unknown, botId: string): string {
	const target = resolveChannelTarget(value, {
		channel: 'telegram',
		label: 'Telegram',
		plainId: TELEGRAM_CHAT_ID,
		plainIdName: 'chat id',
		emptyFix:
			'map "conversation.key" from a Telegram trigger, or enter a chat id or @channelusername.',
		otherAccount: (route) =>
			route.botId === botId
				? undefined
				: `belongs to bot ${route.botId}, but this credential is for bot ${botId}: select that bot's credential.`,
	});
	return target.kind === 'plain' ? target.id : target.route.chatId;
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
		throw new InputError(`${field} must be a positive whole number, got "${String(value)}".`);
	return n;
}
