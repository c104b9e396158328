import fc from 'fast-check';

import {
	buildConversationKey,
	ConversationKeyError,
	MAX_CONVERSATION_KEY_LENGTH,
	parseConversationKey,
	tryParseConversationKey,
	type ConversationRoute,
} from '../../../nodes/shared';

const part = fc.oneof(
	fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
	fc.string({ minLength: 1, maxLength: 30 }),
);
const telegramRoute = fc.record({
	channel: fc.constant('telegram' as const),
	botId: fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String),
	chatId: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n }).map(String),
});
const routes: fc.Arbitrary<ConversationRoute> = fc.oneof(
	telegramRoute,
	fc.record({
		channel: fc.constant('wazzup' as const),
		channelId: part,
		chatType: part,
		chatId: part,
	}),
	fc.record({ channel: fc.constant('360dialog' as const), phoneNumberId: part, waId: part }),
	fc.record({ channel: fc.constant('omnidesk' as const), caseId: part }),
);

/** Routes whose encoded key exceeds the limit are rejected by design; the property covers the rest. */
function buildOrSkip(route: ConversationRoute): string {
	try {
		return buildConversationKey(route);
	} catch (error) {
		expect((error as Error).message).toMatch(/limit is 255/);
		fc.pre(false);
		throw error;
	}
}

describe('conversation key', () => {
	it('round-trips every route exactly (parse ∘ build = id)', () => {
		fc.assert(
			fc.property(routes, (route) => {
				const key = buildOrSkip(route);
				expect(parseConversationKey(key)).toEqual(route);
			}),
			{ numRuns: 2000 },
		);
	});

	it('round-trips every key it builds (build ∘ parse = id) and keys are ASCII without spaces', () => {
		fc.assert(
			fc.property(routes, (route) => {
				const key = buildOrSkip(route);
				expect(key).toMatch(/^[\x21-\x7e]+$/);
				expect(buildConversationKey(parseConversationKey(key))).toBe(key);
			}),
			{ numRuns: 2000 },
		);
	});

	it('keeps the documented readable forms', () => {
		expect(
			buildConversationKey({ channel: 'telegram', botId: '123456', chatId: '-1001293752024' }),
		).toBe('telegram:123456:-1001293752024');
		expect(
			buildConversationKey({
				channel: 'wazzup',
				channelId: 'c0ffee-1',
				chatType: 'whatsapp',
				chatId: '79011112233',
			}),
		).toBe('wazzup:c0ffee-1:whatsapp:79011112233');
		expect(
			buildConversationKey({
				channel: '360dialog',
				phoneNumberId: 'default',
				waId: '4915112345678',
			}),
		).toBe('360dialog:default:4915112345678');
		expect(buildConversationKey({ channel: 'omnidesk', caseId: '2000' })).toBe('omnidesk:2000');
	});

	it('encodes separators and non-ASCII instead of breaking the key', () => {
		const key = buildConversationKey({
			channel: 'wazzup',
			channelId: 'a:b',
			chatType: 'instagram',
			chatId: 'имя 100%',
		});
		expect(key).toBe('wazzup:a%3Ab:instagram:%D0%B8%D0%BC%D1%8F%20100%25');
		expect(parseConversationKey(key)).toMatchObject({ channelId: 'a:b', chatId: 'имя 100%' });
	});

	it.each([
		['', /empty/],
		['   ', /empty/],
		['slack:1:2', /known channel/],
		['telegram:123', /telegram:<botId>:<chatId>/],
		['telegram:123:456:789', /telegram:<botId>:<chatId>/],
		['telegram:abc:456', /botId .* digits/],
		['telegram:123:not-a-chat', /chatId .* numeric chat id/],
		['omnidesk:', /non-empty caseId/],
		['omnidesk:a%3a', /invalid caseId/],
		['omnidesk:%41', /not canonically encoded/],
		['wazzup:a:b:c d', /invalid chatId/],
	])('rejects %j with a clear error', (key, message) => {
		expect(() => parseConversationKey(key)).toThrow(ConversationKeyError);
		expect(() => parseConversationKey(key)).toThrow(message);
	});

	it('rejects non-strings and over-long keys', () => {
		expect(() => parseConversationKey(42)).toThrow(/empty/);
		expect(() => parseConversationKey(undefined)).toThrow(/conversation\.key/);
		expect(() =>
			parseConversationKey('omnidesk:' + '1'.repeat(MAX_CONVERSATION_KEY_LENGTH)),
		).toThrow(/longer than/);
		expect(() =>
			buildConversationKey({
				channel: 'omnidesk',
				caseId: '1'.repeat(MAX_CONVERSATION_KEY_LENGTH),
			}),
		).toThrow(/limit is 255/);
	});

	it('tryParse reports instead of throwing, so inbound events are never lost', () => {
		expect(tryParseConversationKey('telegram:1:2')).toEqual({
			ok: true,
			route: { channel: 'telegram', botId: '1', chatId: '2' },
		});
		const bad = tryParseConversationKey('user-42');
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.error).toMatch(/known channel/);
	});
});
