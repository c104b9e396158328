import { jsonParse, type IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared';
import { CALLBACK_DATA_LIMIT_BYTES } from '../transport';

export type ReplyMarkupMode =
	| 'none'
	| 'inlineKeyboard'
	| 'replyKeyboard'
	| 'removeKeyboard'
	| 'forceReply'
	| 'json';

export interface InlineButtonField {
	text?: string;
	type?: 'callback' | 'url';
	callbackData?: string;
	url?: string;
	row?: number;
}

export interface ReplyButtonField {
	text?: string;
	row?: number;
}

export interface ReplyKeyboardOptions {
	resizeKeyboard?: boolean;
	oneTimeKeyboard?: boolean;
	isPersistent?: boolean;
	inputFieldPlaceholder?: string;
}

type Button = IDataObject & { text: string };

const INVALID_JSON = Symbol('invalid JSON');

function where(row: number, column: number): string {
	return `row ${row + 1}, button ${column + 1}`;
}

/** Telegram refuses callback data outside 1–64 bytes with an opaque BUTTON_DATA_INVALID. */
export function checkCallbackData(data: unknown, place: string): string {
	const value = typeof data === 'number' ? String(data) : data;
	if (typeof value !== 'string' || value.length === 0) {
		throw new InputError(
			`Button at ${place} needs callback data (1–${CALLBACK_DATA_LIMIT_BYTES} bytes).`,
		);
	}
	const bytes = Buffer.byteLength(value, 'utf8');
	if (bytes > CALLBACK_DATA_LIMIT_BYTES) {
		throw new InputError(
			`Callback data of the button at ${place} is ${bytes} bytes; Telegram allows at most ${CALLBACK_DATA_LIMIT_BYTES} bytes (UTF-8, so fewer characters for non-Latin text). Use a short code and look the details up when the button is pressed.`,
		);
	}
	return value;
}

function checkUrl(url: unknown, place: string): string {
	const value = typeof url === 'string' ? url.trim() : '';
	if (!/^(https?|tg):\/\/\S+$/i.test(value)) {
		throw new InputError(
			`Button at ${place} needs a URL starting with https://, http:// or tg://.`,
		);
	}
	return value;
}

/** Buttons grouped by their row number, rows in ascending order, buttons in the order given. */
function intoRows<T extends { row?: number }, B>(
	fields: T[],
	build: (field: T, place: (column: number) => string) => B,
): B[][] {
	const rows = new Map<number, T[]>();
	for (const field of fields) {
		const row =
			Number.isFinite(field.row) && (field.row ?? 0) > 0 ? Math.floor(field.row as number) : 1;
		rows.set(row, [...(rows.get(row) ?? []), field]);
	}
	return [...rows.keys()]
		.sort((a, b) => a - b)
		.map((rowNumber, rowIndex) =>
			(rows.get(rowNumber) ?? []).map((field, column) =>
				build(field, () => where(rowIndex, column)),
			),
		);
}

function buttonText(text: unknown, place: string): string {
	if (typeof text !== 'string' || text.trim() === '')
		throw new InputError(`Button at ${place} needs a text.`);
	return text;
}

export function inlineKeyboardFromFields(fields: InlineButtonField[]): IDataObject {
	if (fields.length === 0) throw new InputError('Add at least one button to the inline keyboard.');
	const inline_keyboard = intoRows(fields, (field, place) => {
		const at = place(0);
		const button: Button = { text: buttonText(field.text, at) };
		if (field.type === 'url') button.url = checkUrl(field.url, at);
		else button.callback_data = checkCallbackData(field.callbackData, at);
		return button;
	});
	return { inline_keyboard };
}

export function replyKeyboardFromFields(
	fields: ReplyButtonField[],
	options: ReplyKeyboardOptions,
): IDataObject {
	if (fields.length === 0) throw new InputError('Add at least one button to the reply keyboard.');
	const keyboard = intoRows(fields, (field, place) => ({ text: buttonText(field.text, place(0)) }));
	const markup: IDataObject = { keyboard, resize_keyboard: options.resizeKeyboard ?? true };
	if (options.oneTimeKeyboard) markup.one_time_keyboard = true;
	if (options.isPersistent) markup.is_persistent = true;
	if (options.inputFieldPlaceholder) markup.input_field_placeholder = options.inputFieldPlaceholder;
	return markup;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A reply_markup a builder wrote as JSON (or produced in an earlier node), checked the way
 * Telegram would check it, so a mistake names the button instead of failing as "Bad Request".
 */
export function checkReplyMarkupJson(input: unknown): IDataObject {
	const markup: unknown =
		typeof input === 'string' ? jsonParse(input, { fallbackValue: INVALID_JSON }) : input;
	if (markup === INVALID_JSON) throw new InputError('Reply Markup (JSON) is not valid JSON.');
	if (!isObject(markup))
		throw new InputError(
			'Reply Markup (JSON) must be an object such as {"inline_keyboard": [[…]]}.',
		);
	if ('inline_keyboard' in markup) {
		const rows = markup.inline_keyboard;
		if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
			throw new InputError('"inline_keyboard" must be an array of rows, each an array of buttons.');
		}
		(rows as unknown[][]).forEach((row, r) =>
			row.forEach((button, c) => {
				const place = where(r, c);
				if (!isObject(button)) throw new InputError(`Button at ${place} must be an object.`);
				buttonText(button.text, place);
				if ('callback_data' in button) checkCallbackData(button.callback_data, place);
				else if ('url' in button) checkUrl(button.url, place);
			}),
		);
	} else if ('keyboard' in markup) {
		const rows = markup.keyboard;
		if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
			throw new InputError('"keyboard" must be an array of rows, each an array of buttons.');
		}
	} else if (!('remove_keyboard' in markup) && !('force_reply' in markup)) {
		throw new InputError(
			'Reply Markup (JSON) must have one of inline_keyboard, keyboard, remove_keyboard or force_reply.',
		);
	}
	return markup;
}
