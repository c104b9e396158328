/**
 * The conversation key: the one contract between a channel and the AI (docs/architecture.md).
 * We send it to the AI as `chat_id` and get it back as `external_chat_id`, possibly in another
 * n8n process, so everything needed to route an answer back lives inside it.
 *
 *   telegram:<botId>:<chatId>
 *   wazzup:<channelId>:<chatType>:<chatId>
 *   360dialog:<phoneNumberId or 'default'>:<waId>
 *   omnidesk:<caseId>
 *
 * Parts are percent-encoded (upper-case hex, UTF-8) outside a small safe set, so any provider id,
 * even one holding ':' or non-ASCII text, round-trips exactly and the key stays ASCII.
 */

export type ConversationRoute =
	| { channel: 'telegram'; botId: string; chatId: string }
	| { channel: 'wazzup'; channelId: string; chatType: string; chatId: string }
	| { channel: '360dialog'; phoneNumberId: string; waId: string }
	| { channel: 'omnidesk'; caseId: string };

export type Channel = ConversationRoute['channel'];

/** The order of a route's parts after the channel name. */
const PARTS: {
	[C in Channel]: ReadonlyArray<
		Exclude<keyof Extract<ConversationRoute, { channel: C }>, 'channel'>
	>;
} = {
	telegram: ['botId', 'chatId'],
	wazzup: ['channelId', 'chatType', 'chatId'],
	'360dialog': ['phoneNumberId', 'waId'],
	omnidesk: ['caseId'],
};

export const CHANNELS = Object.keys(PARTS) as Channel[];

/** Selarti's limit on chat_id is not documented; 255 keeps us inside any VARCHAR(255) column. */
export const MAX_CONVERSATION_KEY_LENGTH = 255;

const SAFE_BYTE = /[A-Za-z0-9._@+=-]/;
const ENCODED_PART = /^(?:[A-Za-z0-9._@+=-]|%[0-9A-F]{2})+$/;

/** A Telegram chat as the Bot API names it: a (negative for groups) number or @channelusername. */
export const TELEGRAM_CHAT_ID = /^(?:-?\d+|@[A-Za-z0-9_]{4,})$/;

/** Extra checks where a provider's ids have a known shape, so a typo fails at build time. */
const PART_RULES: Partial<Record<string, { pattern: RegExp; expected: string }>> = {
	'telegram.botId': {
		pattern: /^\d+$/,
		expected: 'digits (the number before ":" in the bot token)',
	},
	'telegram.chatId': {
		pattern: TELEGRAM_CHAT_ID,
		expected: 'a numeric chat id or @channelusername',
	},
};

export class ConversationKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConversationKeyError';
	}
}

function encodePart(value: string): string {
	let out = '';
	for (const byte of Buffer.from(value, 'utf8')) {
		const char = String.fromCharCode(byte);
		out +=
			byte < 0x80 && SAFE_BYTE.test(char)
				? char
				: '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

function decodePart(encoded: string, key: string, channel: string, name: string): string {
	if (encoded === '') {
		throw new ConversationKeyError(
			`Conversation key "${key}": a ${channel} conversation key needs a non-empty ${name}.`,
		);
	}
	if (!ENCODED_PART.test(encoded)) {
		throw new ConversationKeyError(
			`Conversation key "${key}" has an invalid ${name} "${encoded}": use the key exactly as a trigger produced it (field "conversation.key").`,
		);
	}
	const bytes = Buffer.from(
		encoded.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
		'latin1',
	);
	const decoded = bytes.toString('utf8');
	// A key whose parts are not in canonical form would build back to a different string.
	if (encodePart(decoded) !== encoded) {
		throw new ConversationKeyError(
			`Conversation key "${key}" has a ${name} that is not canonically encoded.`,
		);
	}
	return decoded;
}

function checkPart(channel: Channel, name: string, value: unknown): string {
	if (typeof value !== 'string' || value.length === 0) {
		throw new ConversationKeyError(`A ${channel} conversation key needs a non-empty ${name}.`);
	}
	const rule = PART_RULES[`${channel}.${name}`];
	if (rule && !rule.pattern.test(value)) {
		throw new ConversationKeyError(
			`The ${name} of a ${channel} conversation key must be ${rule.expected}, got "${value}".`,
		);
	}
	return value;
}

export function buildConversationKey(route: ConversationRoute): string {
	if (!(route.channel in PARTS)) {
		throw new ConversationKeyError(
			`Unknown channel "${String(route.channel)}": expected one of ${CHANNELS.join(', ')}.`,
		);
	}
	const values = route as unknown as Record<string, unknown>;
	const parts = PARTS[route.channel].map((name) =>
		encodePart(checkPart(route.channel, name, values[name])),
	);
	const key = [route.channel, ...parts].join(':');
	if (key.length > MAX_CONVERSATION_KEY_LENGTH) {
		throw new ConversationKeyError(
			`Conversation key is ${key.length} characters long; the limit is ${MAX_CONVERSATION_KEY_LENGTH}. Shorten the ids it is built from.`,
		);
	}
	return key;
}

export function parseConversationKey(key: unknown): ConversationRoute {
	if (typeof key !== 'string' || key.trim() === '') {
		throw new ConversationKeyError(
			'Conversation key is empty: map the "conversation.key" field of a trigger (or "external_chat_id" of the AI Task Trigger).',
		);
	}
	if (key.length > MAX_CONVERSATION_KEY_LENGTH) {
		throw new ConversationKeyError(
			`Conversation key is longer than ${MAX_CONVERSATION_KEY_LENGTH} characters.`,
		);
	}
	const [channel, ...encodedParts] = key.split(':');
	if (!(channel in PARTS)) {
		throw new ConversationKeyError(
			`Conversation key "${key}" does not start with a known channel (${CHANNELS.map((c) => c + ':').join(', ')}): map the "conversation.key" field of a trigger.`,
		);
	}
	const names = PARTS[channel as Channel];
	if (encodedParts.length !== names.length) {
		throw new ConversationKeyError(
			`Conversation key "${key}" must have the form ${channel}:${names.map((n) => `<${n}>`).join(':')}.`,
		);
	}
	const route: Record<string, string> = { channel };
	names.forEach((name, index) => {
		route[name] = checkPart(
			channel as Channel,
			name,
			decodePart(encodedParts[index], key, channel, name),
		);
	});
	return route as unknown as ConversationRoute;
}

export type ParsedKey = { ok: true; route: ConversationRoute } | { ok: false; error: string };

/** For inbound data (webhooks) where a bad key must not lose the event. */
export function tryParseConversationKey(key: unknown): ParsedKey {
	try {
		return { ok: true, route: parseConversationKey(key) };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/** The chat id that a route addresses, whatever the channel calls it. */
export function chatIdOf(route: ConversationRoute): string {
	switch (route.channel) {
		case 'telegram':
		case 'wazzup':
			return route.chatId;
		case '360dialog':
			return route.waId;
		case 'omnidesk':
			return route.caseId;
	}
}
