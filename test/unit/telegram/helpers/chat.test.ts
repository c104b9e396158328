import { resolveChatId } from '../../../../nodes/TelegramBot/helpers/chat';
import { BOT_ID } from '../fixtures';

describe('chat id resolution', () => {
	it('accepts a conversation key of this bot, numeric ids and @channels', () => {
		expect(resolveChatId(`telegram:${BOT_ID}:-1001293752024`, BOT_ID)).toBe('-1001293752024');
		expect(resolveChatId('86815320', BOT_ID)).toBe('86815320');
		expect(resolveChatId(86815320, BOT_ID)).toBe('86815320');
		expect(resolveChatId('@my_channel', BOT_ID)).toBe('@my_channel');
	});

	it('refuses keys of other bots or channels, and empty values, with a fix', () => {
		expect(() => resolveChatId('telegram:999:1', BOT_ID)).toThrow(
			/belongs to bot 999.*select that bot's credential/,
		);
		expect(() => resolveChatId('wazzup:ch:whatsapp:7999', BOT_ID)).toThrow(/belongs to wazzup/);
		expect(() => resolveChatId('', BOT_ID)).toThrow(/map "conversation.key"/);
		expect(() => resolveChatId(undefined, BOT_ID)).toThrow(/empty/);
		expect(() => resolveChatId('hello world', BOT_ID)).toThrow(
			/neither a Telegram chat id nor a conversation key/,
		);
	});
});
