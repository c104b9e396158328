import {
	checkReplyMarkupJson,
	inlineKeyboardFromFields,
	replyKeyboardFromFields,
} from '../../../../nodes/TelegramBot/helpers/keyboard';

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
