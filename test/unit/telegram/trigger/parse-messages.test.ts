import {
	botCommand,
	largestPhoto,
	messageAttachments,
	toConversationEvent,
	updateSchema,
} from '../../../../nodes/TelegramBot/trigger/parse';
import { BOT_ID } from '../fixtures';

const CHAT = { id: 42, type: 'private', first_name: 'Ada' };

/** A private message with the given fields, read as the trigger reads it. */
const messageEvent = (fields: Record<string, unknown>) =>
	toConversationEvent(
		updateSchema.parse({
			update_id: 1,
			message: { message_id: 10, date: 1700000000, chat: CHAT, ...fields },
		}),
		BOT_ID,
	).message;

const FILE = {
	file_id: 'F',
	file_unique_id: 'U',
	mime_type: 'application/pdf',
	file_name: 'a.pdf',
	file_size: 123,
	width: 640,
	height: 480,
	duration: 7,
};
const FILE_ATTACHMENT = {
	id: 'F',
	uniqueId: 'U',
	mimeType: 'application/pdf',
	fileName: 'a.pdf',
	size: 123,
	width: 640,
	height: 480,
	duration: 7,
};

describe('Telegram message → type and attachments', () => {
	it.each(['document', 'video', 'audio', 'voice', 'video_note', 'animation', 'sticker'])(
		'a %s is its own type, with every file field as its attachment',
		(kind) => {
			const message = messageEvent({ [kind]: FILE });
			expect(message.type).toBe(kind);
			expect(message.attachments).toEqual([{ kind, ...FILE_ATTACHMENT }]);
		},
	);

	it('file fields of the wrong type are left out, not copied', () => {
		const message = messageEvent({
			document: { file_id: 7, file_size: '123', width: '1', height: null, duration: '2' },
		});
		expect(message.attachments).toEqual([{ kind: 'document' }]);
	});

	it.each(['poll', 'dice', 'game', 'invoice', 'venue'])('a %s message is typed as one', (kind) => {
		expect(messageEvent({ [kind]: {} }).type).toBe(kind);
	});

	it('a photo is typed before the document it sits with; a caption is the text', () => {
		const message = messageEvent({
			photo: [{ file_id: 'P', width: 1, height: 1 }],
			document: FILE,
			caption: 'look',
		});
		expect(message.type).toBe('photo');
		expect(message.text).toBe('look');
		expect(message.attachments.map((a) => a.kind)).toEqual(['photo', 'document']);
	});

	it('a text message is text even with a file', () => {
		expect(messageEvent({ text: 'hi', sticker: FILE }).type).toBe('text');
	});

	it('a location becomes a location attachment', () => {
		const message = messageEvent({ location: { latitude: 52.5, longitude: 13.4 } });
		expect(message.type).toBe('location');
		expect(message.attachments).toEqual([{ kind: 'location', latitude: 52.5, longitude: 13.4 }]);
	});

	it('a shared contact becomes a contact attachment with phone, full name and user id', () => {
		const message = messageEvent({
			contact: { phone_number: '+4912345', first_name: 'Grace', last_name: 'Hopper', user_id: 77 },
		});
		expect(message.type).toBe('contact');
		expect(message.attachments).toEqual([
			{ kind: 'contact', phone: '+4912345', name: 'Grace Hopper', userId: '77' },
		]);
	});

	it('a contact without a name or user id keeps only its phone', () => {
		expect(messageAttachments({ contact: { phone_number: '+1' } })).toEqual([
			{ kind: 'contact', phone: '+1' },
		]);
	});

	it('a story without a chat keeps only its id', () => {
		expect(messageAttachments({ story: { id: 3 } })).toEqual([{ kind: 'story', id: '3' }]);
	});

	it('values that are not objects make no attachment', () => {
		expect(
			messageAttachments({ document: 'F', location: [1, 2], contact: null, story: 5, photo: {} }),
		).toEqual([]);
	});

	it('a message with none of the known parts is a service message', () => {
		expect(messageEvent({ new_chat_title: 'x' }).type).toBe('service');
	});

	it('reply, dates and media group are read; missing ones are left out', () => {
		const message = messageEvent({
			text: 'x',
			reply_to_message: { message_id: 9 },
			edit_date: 1700000060,
			media_group_id: 'g1',
		});
		expect(message).toEqual({
			id: '10',
			text: 'x',
			type: 'text',
			replyToId: '9',
			date: '2023-11-14T22:13:20.000Z',
			editDate: '2023-11-14T22:14:20.000Z',
			mediaGroupId: 'g1',
			attachments: [],
		});
	});
});

describe('largestPhoto', () => {
	it('picks the most pixels, whatever the order', () => {
		const small = { file_id: 's', width: 90, height: 90, file_size: 9000 };
		const big = { file_id: 'b', width: 800, height: 600, file_size: 10 };
		expect(largestPhoto([small, big])?.file_id).toBe('b');
		expect(largestPhoto([big, small])?.file_id).toBe('b');
	});

	it('breaks a tie in pixels by file size, whatever the order', () => {
		const light = { file_id: 'l', width: 10, height: 10, file_size: 1 };
		const heavy = { file_id: 'h', width: 10, height: 10, file_size: 2 };
		expect(largestPhoto([light, heavy])?.file_id).toBe('h');
		expect(largestPhoto([heavy, light])?.file_id).toBe('h');
	});

	it('counts missing sizes as zero and keeps the first of equals', () => {
		const a = { file_id: 'a' };
		const b = { file_id: 'b', width: 5 };
		const c = { file_id: 'c', file_size: 3 };
		expect(largestPhoto([a, b])?.file_id).toBe('a');
		expect(largestPhoto([a, c])?.file_id).toBe('c');
		expect(largestPhoto([c, a])?.file_id).toBe('c');
	});

	it('skips entries that are not objects; nothing for an empty or non-array value', () => {
		expect(largestPhoto([null, 'x', { file_id: 'only' }])?.file_id).toBe('only');
		expect(largestPhoto([])).toBeUndefined();
		expect(largestPhoto({ file_id: 'x' })).toBeUndefined();
	});
});

describe('botCommand', () => {
	const command = (text: string, length: number, offset = 0) => ({
		text,
		entities: [{ type: 'bot_command', offset, length }],
	});

	it('reads the command, without @bot, lower-cased, and the trimmed rest as args', () => {
		expect(botCommand(command('/Start@MyBot  ref-1 ', 12))).toEqual({
			command: 'start',
			args: 'ref-1',
		});
	});

	it('reads a command in a caption', () => {
		expect(
			botCommand({
				caption: '/help me',
				caption_entities: [{ type: 'bot_command', offset: 0, length: 5 }],
			}),
		).toEqual({ command: 'help', args: 'me' });
	});

	it('only a command at the very start counts', () => {
		expect(botCommand(command('hi /start', 6, 3))).toBeUndefined();
	});

	it('other entities at the start are not commands', () => {
		expect(
			botCommand({ text: '@ada hi', entities: [{ type: 'mention', offset: 0, length: 4 }] }),
		).toBeUndefined();
	});

	it('no text or no entities: no command', () => {
		expect(
			botCommand({ entities: [{ type: 'bot_command', offset: 0, length: 2 }] }),
		).toBeUndefined();
		expect(botCommand({ text: '/start' })).toBeUndefined();
		expect(botCommand({ text: '', entities: [] })).toBeUndefined();
	});

	it('an entity without a length takes nothing as the command', () => {
		expect(
			botCommand({ text: '/start x', entities: [{ type: 'bot_command', offset: 0 }] }),
		).toEqual({ command: '', args: '/start x' });
	});

	it('a message event carries the command and its args', () => {
		const message = messageEvent(command('/buy 3 apples', 4));
		expect(message.command).toBe('buy');
		expect(message.commandArgs).toBe('3 apples');
	});
});
