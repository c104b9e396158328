import { resolveChatId } from '../../../nodes/TelegramBot/actions/common/chat';
import {
	checkReplyMarkupJson,
	inlineKeyboardFromFields,
	replyKeyboardFromFields,
} from '../../../nodes/TelegramBot/actions/common/keyboard';
import { splitMessageText } from '../../../nodes/TelegramBot/actions/common/text';
import { TEXT_LIMIT } from '../../../nodes/TelegramBot/transport';
import { BOT_ID } from './fixtures';

const paragraph = (n: number, length = 900) =>
	`Paragraph ${n}. ` + 'word '.repeat(Math.floor(length / 5));

describe('splitting long texts for Telegram', () => {
	it('leaves a text within 4096 characters whole', () => {
		expect(splitMessageText('Hello', '', TEXT_LIMIT)).toEqual(['Hello']);
		expect(splitMessageText('x'.repeat(4096), '', TEXT_LIMIT)).toHaveLength(1);
	});

	it('splits plain text at paragraphs, in order, each part ≤ 4096', () => {
		const text = [1, 2, 3, 4, 5, 6, 7].map((n) => paragraph(n)).join('\n\n');
		const parts = splitMessageText(text, '', TEXT_LIMIT);
		expect(parts.length).toBeGreaterThan(1);
		parts.forEach((part) => expect(part.length).toBeLessThanOrEqual(TEXT_LIMIT));
		expect(parts[0].startsWith('Paragraph 1.')).toBe(true);
		expect(parts.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
	});

	it('HTML: tags open across a cut are closed and reopened, never cut inside a tag or entity', () => {
		const body = [1, 2, 3, 4, 5, 6]
			.map((n) => `<i>${paragraph(n)}</i> &amp; <a href="https://example.com/${n}">link ${n}</a>`)
			.join('\n');
		const text = `<b>${body}</b>`;
		const parts = splitMessageText(text, 'HTML', TEXT_LIMIT);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(TEXT_LIMIT);
			expect(part.startsWith('<b>')).toBe(true);
			expect(part.endsWith('</b>')).toBe(true);
			// Balanced: every opened tag is closed in the same part.
			const opened = (part.match(/<(b|i|a)[ >]/g) ?? []).length;
			const closed = (part.match(/<\/(b|i|a)>/g) ?? []).length;
			expect(opened).toBe(closed);
			expect(part).not.toMatch(/<[^>]*$/);
			expect(part).not.toMatch(/&[a-z]*$/);
		}
	});

	it('HTML that is not balanced is refused clearly instead of being cut', () => {
		const text = `<b>${paragraph(1, 5000)}`;
		expect(() => splitMessageText(text, 'HTML', TEXT_LIMIT)).toThrow(
			/opens <b> and never closes it/,
		);
		expect(() => splitMessageText(`${paragraph(1, 5000)}</i>`, 'HTML', TEXT_LIMIT)).toThrow(
			/<\/i> without a matching <i>/,
		);
	});

	it('Markdown: a code block longer than one message is refused; shorter spans stay whole', () => {
		expect(() =>
			splitMessageText('```\n' + 'x'.repeat(5000) + '\n```', 'MarkdownV2', TEXT_LIMIT),
		).toThrow(/cannot be split/);
		const text = [1, 2, 3, 4, 5].map((n) => `*bold ${n}* ${paragraph(n)}`).join('\n\n');
		const parts = splitMessageText(text, 'MarkdownV2', TEXT_LIMIT);
		for (const part of parts) expect((part.match(/\*/g) ?? []).length % 2).toBe(0);
	});

	it('refuses an empty text', () => {
		expect(() => splitMessageText('  ', '', TEXT_LIMIT)).toThrow(/empty/);
	});
});

describe('keyboards', () => {
	it('inline buttons grouped by row number, callback and URL buttons', () => {
		expect(
			inlineKeyboardFromFields([
				{ text: 'Yes', type: 'callback', callbackData: 'yes', row: 1 },
				{ text: 'Site', type: 'url', url: 'https://example.com', row: 2 },
				{ text: 'No', type: 'callback', callbackData: 'no', row: 1 },
			]),
		).toEqual({
			inline_keyboard: [
				[
					{ text: 'Yes', callback_data: 'yes' },
					{ text: 'No', callback_data: 'no' },
				],
				[{ text: 'Site', url: 'https://example.com' }],
			],
		});
	});

	it('callback data is checked in bytes (UTF-8), not characters', () => {
		expect(() =>
			inlineKeyboardFromFields([{ text: 'A', type: 'callback', callbackData: 'a'.repeat(64) }]),
		).not.toThrow();
		expect(() =>
			inlineKeyboardFromFields([{ text: 'A', type: 'callback', callbackData: 'a'.repeat(65) }]),
		).toThrow(/65 bytes.*at most 64/);
		// 33 Cyrillic letters are 66 bytes.
		expect(() =>
			inlineKeyboardFromFields([{ text: 'A', type: 'callback', callbackData: 'я'.repeat(33) }]),
		).toThrow(/66 bytes/);
		expect(() =>
			inlineKeyboardFromFields([{ text: 'A', type: 'callback', callbackData: '' }]),
		).toThrow(/needs callback data/);
		expect(() =>
			inlineKeyboardFromFields([{ text: 'A', type: 'url', url: 'example.com' }]),
		).toThrow(/URL starting with/);
	});

	it('reply keyboard with options', () => {
		expect(
			replyKeyboardFromFields([{ text: 'Menu' }, { text: 'Help', row: 2 }], {
				oneTimeKeyboard: true,
				inputFieldPlaceholder: 'Pick',
			}),
		).toEqual({
			keyboard: [[{ text: 'Menu' }], [{ text: 'Help' }]],
			resize_keyboard: true,
			one_time_keyboard: true,
			input_field_placeholder: 'Pick',
		});
	});

	it('JSON markup is validated, naming the button', () => {
		expect(checkReplyMarkupJson('{"remove_keyboard": true}')).toEqual({ remove_keyboard: true });
		expect(() =>
			checkReplyMarkupJson(
				'{"inline_keyboard": [[{"text":"ok","callback_data":"' + 'x'.repeat(70) + '"}]]}',
			),
		).toThrow(/row 1, button 1.*70 bytes/);
		expect(() => checkReplyMarkupJson('{oops')).toThrow(/not valid JSON/);
		expect(() => checkReplyMarkupJson('{"foo": 1}')).toThrow(/must have one of/);
	});
});

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
