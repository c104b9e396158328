import { InputError } from '../errors/inputError';
import { tryParseConversationKey, type Channel, type ConversationRoute } from './key';

/** How one channel's action node reads its "Chat ID" field. */
export interface ChannelTargetRules<C extends Channel> {
	channel: C;
	/** The provider's name in messages, e.g. "Telegram". */
	label: string;
	/** Chat ids typed by hand that are used as they are, without a conversation key. */
	plainId: RegExp;
	/** What a plain id looks like, for the error message, e.g. "chat id". */
	plainIdName: string;
	/** What to do when the field is empty. */
	emptyFix: string;
	/**
	 * A key of this channel can still belong to another account (another bot, another channel of
	 * the same provider): return the message that says so and how to fix it, or undefined.
	 */
	otherAccount?(route: Extract<ConversationRoute, { channel: C }>): string | undefined;
}

export type ChannelTarget<C extends Channel> =
	| { kind: 'plain'; id: string }
	| { kind: 'key'; route: Extract<ConversationRoute, { channel: C }> };

/**
 * "Which chat of my channel and my account does this value name?" for every channel: a plain id
 * typed by hand, or a conversation key (what the triggers and the AI Task Trigger carry). A key
 * of another channel or account is refused, naming where it belongs: sending it here would reach
 * the wrong chat or none.
 */
export function resolveChannelTarget<C extends Channel>(
	value: unknown,
	rules: ChannelTargetRules<C>,
): ChannelTarget<C> {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value))
			throw new InputError(`Chat ID ${value} is not an exact integer: pass it as a string.`);
		value = String(value);
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new InputError(`Chat ID is empty: ${rules.emptyFix}`);
	if (rules.plainId.test(text)) return { kind: 'plain', id: text };
	const parsed = tryParseConversationKey(text);
	if (!parsed.ok) {
		throw new InputError(
			`Chat ID "${text}" is neither a ${rules.label} ${rules.plainIdName} nor a conversation key. ${parsed.error}`,
		);
	}
	const route = parsed.route;
	if (route.channel !== rules.channel) {
		throw new InputError(
			`Conversation key "${text}" belongs to ${route.channel}, not ${rules.label}: route it to the ${route.channel} node.`,
		);
	}
	const ours = route as Extract<ConversationRoute, { channel: C }>;
	const otherAccount = rules.otherAccount?.(ours);
	if (otherAccount) throw new InputError(`Conversation key "${text}" ${otherAccount}`);
	return { kind: 'key', route: ours };
}
