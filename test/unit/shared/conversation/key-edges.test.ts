import {
	buildConversationKey,
	chatIdOf,
	ConversationKeyError,
	MAX_CONVERSATION_KEY_LENGTH,
	parseConversationKey,
	TELEGRAM_CHAT_ID,
	type ConversationRoute,
} from '../../../../nodes/shared';

const messageOf = (fn: () => unknown): string => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ConversationKeyError);
		expect((error as Error).name).toBe('ConversationKeyError');
		return (error as Error).message;
	}
	throw new Error('expected a ConversationKeyError');
};

describe('conversation keys: exact errors', () => {
	it.each<[string, unknown, string]>([
		[
			'an empty key',
			'',
			'Conversation key is empty: map the "conversation.key" field of a trigger (or "external_chat_id" of the AI Task Trigger).',
		],
		[
			'an unknown channel',
			'slack:1',
			'Conversation key "slack:1" does not start with a known channel (telegram:, wazzup:, 360dialog:, omnidesk:): map the "conversation.key" field of a trigger.',
		],
		[
			'too few parts',
			'wazzup:a:b',
			'Conversation key "wazzup:a:b" must have the form wazzup:<channelId>:<chatType>:<chatId>.',
		],
		[
			'an empty part',
			'360dialog::49',
			'Conversation key "360dialog::49": a 360dialog conversation key needs a non-empty phoneNumberId.',
		],
		[
			'an unsafe character',
			'omnidesk:a b',
			'Conversation key "omnidesk:a b" has an invalid caseId "a b": use the key exactly as a trigger produced it (field "conversation.key").',
		],
		[
			'lower-case hex',
			'omnidesk:%c3%a9',
			'Conversation key "omnidesk:%c3%a9" has an invalid caseId "%c3%a9": use the key exactly as a trigger produced it (field "conversation.key").',
		],
		[
			'an encoded safe character',
			'omnidesk:%2D',
			'Conversation key "omnidesk:%2D" has a caseId that is not canonically encoded.',
		],
		[
			'a bad bot id',
			'telegram:12a:5',
			'The botId of a telegram conversation key must be digits (the number before ":" in the bot token), got "12a".',
		],
		[
			'a too-long key',
			'omnidesk:' + '1'.repeat(MAX_CONVERSATION_KEY_LENGTH),
			`Conversation key is longer than ${MAX_CONVERSATION_KEY_LENGTH} characters.`,
		],
	])('refuses %s, saying so exactly', (_label, key, message) => {
		expect(messageOf(() => parseConversationKey(key))).toBe(message);
	});

	it('refuses to build from an unknown channel or an empty part, naming them', () => {
		expect(
			messageOf(() => buildConversationKey({ channel: 'slack' } as unknown as ConversationRoute)),
		).toBe('Unknown channel "slack": expected one of telegram, wazzup, 360dialog, omnidesk.');
		expect(messageOf(() => buildConversationKey({ channel: 'omnidesk', caseId: '' }))).toBe(
			'A omnidesk conversation key needs a non-empty caseId.',
		);
		expect(
			messageOf(() =>
				buildConversationKey({ channel: 'omnidesk', caseId: 5 } as unknown as ConversationRoute),
			),
		).toBe('A omnidesk conversation key needs a non-empty caseId.');
		expect(
			messageOf(() => buildConversationKey({ channel: 'telegram', botId: '1', chatId: 'x y' })),
		).toBe(
			'The chatId of a telegram conversation key must be a numeric chat id or @channelusername, got "x y".',
		);
	});

	it('builds a key of exactly 255 characters, and refuses 256 naming the length', () => {
		const longest = '1'.repeat(MAX_CONVERSATION_KEY_LENGTH - 'omnidesk:'.length);
		expect(buildConversationKey({ channel: 'omnidesk', caseId: longest })).toHaveLength(255);
		expect(parseConversationKey(`omnidesk:${longest}`)).toEqual({
			channel: 'omnidesk',
			caseId: longest,
		});
		expect(
			messageOf(() => buildConversationKey({ channel: 'omnidesk', caseId: longest + '1' })),
		).toBe(
			'Conversation key is 256 characters long; the limit is 255. Shorten the ids it is built from.',
		);
	});

	it('leaves the safe characters as they are and encodes every other byte as upper-case hex', () => {
		const safe = 'AZaz09._@+=-';
		expect(buildConversationKey({ channel: 'omnidesk', caseId: safe })).toBe(`omnidesk:${safe}`);
		expect(buildConversationKey({ channel: 'omnidesk', caseId: '\n/é' })).toBe(
			'omnidesk:%0A%2F%C3%A9',
		);
		expect(parseConversationKey('omnidesk:%0A%2F%C3%A9')).toEqual({
			channel: 'omnidesk',
			caseId: '\n/é',
		});
	});

	it.each([
		['-1001293752024', true],
		['42', true],
		['@abcd', true],
		['@abc', false],
		['@ab-cd', false],
		['42x', false],
		['x42', false],
		['--1', false],
	])('telegram chat id %j is valid: %s', (id, ok) => {
		expect(TELEGRAM_CHAT_ID.test(id)).toBe(ok);
	});

	it('finds the chat id whatever the channel calls it', () => {
		expect(chatIdOf({ channel: 'telegram', botId: '1', chatId: 'T' })).toBe('T');
		expect(chatIdOf({ channel: 'wazzup', channelId: 'c', chatType: 't', chatId: 'W' })).toBe('W');
		expect(chatIdOf({ channel: '360dialog', phoneNumberId: 'p', waId: 'D' })).toBe('D');
		expect(chatIdOf({ channel: 'omnidesk', caseId: 'O' })).toBe('O');
	});
});
