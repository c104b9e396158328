/**
 * How the fake Telegram validates what a bot sends and builds the Message it answers with.
 * Error descriptions are the ones the Bot API really returns (as quoted in client libraries and
 * bug reports); which check fires first when several fail is inferred.
 */

export class TelegramError extends Error {
	constructor(
		readonly errorCode: number,
		readonly description: string,
		readonly parameters?: Record<string, unknown>,
	) {
		super(description);
	}
}

export const badRequest = (
	description: string,
	parameters?: Record<string, unknown>,
): TelegramError => new TelegramError(400, `Bad Request: ${description}`, parameters);

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT_BYTES = 64;

export const CHAT_ACTIONS = [
	'typing',
	'upload_photo',
	'record_video',
	'upload_video',
	'record_voice',
	'upload_voice',
	'upload_document',
	'choose_sticker',
	'find_location',
	'record_video_note',
	'upload_video_note',
];

const PARSE_MODES = ['HTML', 'MarkdownV2', 'Markdown'];

/**
 * Length as Telegram measures it: after entity parsing, in UTF-16 code units (entity offsets
 * are UTF-16, so we assume the limit is too: inferred). HTML tags and entities are removed;
 * Markdown is approximated by dropping markup characters that are not escaped.
 */
export function visibleLength(text: string, parseMode: string | undefined): number {
	let visible = text;
	if (parseMode === 'HTML') {
		visible = visible.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_');
	} else if (parseMode === 'MarkdownV2') {
		// An escaped character counts as one visible character; unescaped markup counts as none.
		visible = visible.replace(/\\[\s\S]/g, 'x').replace(/[*_~|`]/g, '');
	} else if (parseMode === 'Markdown') {
		visible = visible.replace(/[*_`]/g, '');
	}
	return visible.trim().length;
}

export function checkParseMode(parseMode: unknown): string | undefined {
	if (parseMode === undefined || parseMode === '') return undefined;
	if (typeof parseMode !== 'string' || !PARSE_MODES.includes(parseMode))
		throw badRequest('unsupported parse_mode');
	return parseMode;
}

export function checkText(text: unknown, parseMode: string | undefined): string {
	if (text === undefined || text === null || String(text) === '')
		throw badRequest('message text is empty');
	const value = String(text);
	const length = visibleLength(value, parseMode);
	if (length === 0) throw badRequest('message text is empty');
	if (length > TEXT_LIMIT) throw badRequest('message is too long');
	return value;
}

export function checkCaption(caption: unknown, parseMode: string | undefined): string | undefined {
	if (caption === undefined || caption === null || caption === '') return undefined;
	const value = String(caption);
	if (visibleLength(value, parseMode) > CAPTION_LIMIT)
		throw badRequest('message caption is too long');
	return value;
}

/** Checks a reply_markup and returns what Telegram echoes in the Message (inline keyboards only). */
export function checkReplyMarkup(markup: unknown): Record<string, unknown> | undefined {
	if (markup === undefined || markup === null || markup === '') return undefined;
	if (typeof markup !== 'object') throw badRequest("can't parse reply keyboard markup JSON object");
	const value = markup as Record<string, unknown>;
	if ('inline_keyboard' in value) {
		const rows = value.inline_keyboard;
		if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
			throw badRequest(
				'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
			);
		}
		for (const button of rows.flat() as Array<Record<string, unknown>>) {
			if (typeof button?.text !== 'string' || button.text === '')
				throw badRequest('text buttons are unallowed in the inline keyboard');
			if (
				button.callback_data !== undefined &&
				(typeof button.callback_data !== 'string' ||
					Buffer.byteLength(button.callback_data) < 1 ||
					Buffer.byteLength(button.callback_data) > CALLBACK_DATA_LIMIT_BYTES)
			) {
				throw badRequest('BUTTON_DATA_INVALID');
			}
			if (button.url !== undefined && !/^(https?|tg):\/\//.test(String(button.url)))
				throw badRequest('BUTTON_URL_INVALID');
		}
		return value;
	}
	if ('keyboard' in value || 'remove_keyboard' in value || 'force_reply' in value) return undefined;
	throw badRequest("can't parse reply keyboard markup JSON object");
}

/** The Chat object for a chat_id, with its type read from the id as Telegram assigns them. */
export function chatFor(chatId: string): Record<string, unknown> {
	if (chatId.startsWith('@')) {
		return {
			id: -1001000000000 - chatId.length * 7919,
			title: chatId.slice(1),
			username: chatId.slice(1),
			type: 'channel',
		};
	}
	const id = Number(chatId);
	if (id > 0) return { id, first_name: 'Test', username: `user${id}`, type: 'private' };
	if (chatId.startsWith('-100')) return { id, title: 'Fake supergroup', type: 'supergroup' };
	return { id, title: 'Fake group', type: 'group', all_members_are_administrators: true };
}

/** A chat_id as Telegram accepts it: an integer (as number or string) or "@channelusername". */
export function checkChatId(chatId: unknown): string {
	if (chatId === undefined || chatId === null || chatId === '')
		throw badRequest('chat_id is empty');
	const value = String(chatId).trim();
	if (/^-?\d{1,16}$/.test(value) || /^@[A-Za-z][A-Za-z0-9_]{3,}$/.test(value)) return value;
	throw badRequest('chat not found');
}

export type MediaKind = 'photo' | 'document' | 'video' | 'audio' | 'voice';

export interface StoredFile {
	file_id: string;
	file_unique_id: string;
	file_path: string;
	data: Buffer;
	/** Declared size (may exceed data.length, to test the 20 MB getFile limit cheaply). */
	file_size: number;
	mime_type?: string;
	file_name?: string;
}

/** The media object Telegram puts in the Message for a sent file. */
export function mediaObject(kind: MediaKind, file: StoredFile): unknown {
	const base = {
		file_id: file.file_id,
		file_unique_id: file.file_unique_id,
		file_size: file.file_size,
	};
	switch (kind) {
		case 'photo':
			// Telegram answers with the sizes it generated; the last is the largest.
			return [
				{
					...base,
					file_id: `${file.file_id}_s`,
					file_unique_id: `${file.file_unique_id}s`,
					file_size: Math.ceil(file.file_size / 10),
					width: 90,
					height: 90,
				},
				{ ...base, width: 800, height: 800 },
			];
		case 'document':
			return {
				...base,
				file_name: file.file_name ?? 'file',
				mime_type: file.mime_type ?? 'application/octet-stream',
			};
		case 'video':
			return {
				...base,
				duration: 1,
				width: 640,
				height: 360,
				mime_type: file.mime_type ?? 'video/mp4',
			};
		case 'audio':
			return {
				...base,
				duration: 1,
				mime_type: file.mime_type ?? 'audio/mpeg',
				file_name: file.file_name,
			};
		case 'voice':
			return { ...base, duration: 1, mime_type: file.mime_type ?? 'audio/ogg' };
	}
}
