import { parseConversationKey } from '../../../../nodes/shared';
import { passesFilters } from '../../../../nodes/TelegramBot/trigger/filters';
import {
	largestPhoto,
	toConversationEvent,
	updateSchema,
} from '../../../../nodes/TelegramBot/trigger/parse';
import { allowedUpdates, ALL_UPDATE_TYPES } from '../../../../nodes/TelegramBot/trigger/events';
import {
	callbackQueryUpdate,
	groupTextUpdate,
	supergroupTextUpdate,
} from '../../../fakes/telegram-updates';
import { BOT_ID, fixture } from '../fixtures';

const parse = (name: string) => toConversationEvent(updateSchema.parse(fixture(name)), BOT_ID);

describe('Telegram update → conversation event', () => {
	it('private text: key, contact, text, raw kept whole', () => {
		const update = fixture('filetreck-message-text-plain');
		const event = parse('filetreck-message-text-plain');
		expect(event).toMatchObject({
			event: 'message',
			updateType: 'message',
			updateId: '494890303',
			conversation: {
				key: `telegram:${BOT_ID}:86815320`,
				channel: 'telegram',
				chatId: '86815320',
				botId: BOT_ID,
				chatType: 'private',
			},
			message: {
				id: '8',
				text: 'just text',
				type: 'text',
				attachments: [],
				date: '2023-04-01T19:42:27.000Z',
			},
			contact: {
				id: '86815320',
				name: 'Ирина Киселёва',
				username: 'Irina_V_Kiseleva',
				languageCode: 'en',
				isBot: false,
			},
		});
		expect(event.raw).toEqual(update);
		expect(parseConversationKey(event.conversation.key)).toEqual({
			channel: 'telegram',
			botId: BOT_ID,
			chatId: '86815320',
		});
	});

	it('a digit-only text stays a string', () => {
		const event = parse('teloxide-private-text-digit');
		expect(event.message.text).toBe('4');
		expect(event.message.type).toBe('text');
	});

	it('supergroup ids beyond 2^31 are exact strings; bot command, thread and reply are read', () => {
		const event = parse('teloxide-supergroup-command-report-reply');
		expect(event.conversation).toMatchObject({
			key: `telegram:${BOT_ID}:-1001293752024`,
			chatId: '-1001293752024',
			chatType: 'supergroup',
			chatTitle: 'CryptoInside Chat',
			chatUsername: 'cryptoinside_talk',
		});
		// A reply thread in a non-forum group: no threadId to answer into (only topics need one).
		expect(event.conversation.threadId).toBeUndefined();
		expect(event.message).toMatchObject({
			id: '134546',
			command: 'report',
			commandArgs: '',
			replyToId: '134545',
			threadId: '134545',
		});
		expect(event.contact.id).toBe('5964236329');
		expect(Number(event.contact.id)).toBeGreaterThan(2 ** 31);
	});

	it('a forum topic message carries conversation.threadId', () => {
		const update = supergroupTextUpdate('In a topic', { threadId: 77, updateId: 1 });
		const event = toConversationEvent(updateSchema.parse(update), BOT_ID);
		expect(event.conversation.threadId).toBe('77');
	});

	it('story and pinned messages (no text) still make items', () => {
		const story = parse('teloxide-supergroup-story-message');
		expect(story.message).toMatchObject({ type: 'story', text: '' });
		expect(story.message.attachments).toEqual([
			{ kind: 'story', id: '2', chatId: '-1002149282975' },
		]);
		const pinned = parse('teloxide-supergroup-pinned-message');
		expect(pinned.message.type).toBe('service');
		expect(pinned.conversation.chatId).toBe('-1001276785818');
	});

	it('photo: the largest of the sizes is the attachment; media group kept', () => {
		const event = parse('filetreck-message-photo-media-group');
		expect(event.message.type).toBe('photo');
		expect(event.message.mediaGroupId).toBe('13443011608618786');
		expect(event.message.attachments).toEqual([
			{
				kind: 'photo',
				id: 'AgACAgIAAxkBAAMEZCiCg7A1qAABECDXqbjnqtId777bAAIFyDEbLKhISVFwzRK8kZMNAQADAgADeQADLwQ',
				uniqueId: 'AQADBcgxGyyoSEl-',
				size: 132533,
				width: 721,
				height: 1280,
			},
		]);
		expect(
			largestPhoto([
				{ file_id: 'a', width: 10, height: 10 },
				{ file_id: 'b', width: 5, height: 5 },
			])?.file_id,
		).toBe('a');
	});

	it('forwarded video: document-like attachment with mime type and size', () => {
		const event = parse('filetreck-message-video-forwarded');
		expect(event.message.attachments[0]).toMatchObject({
			kind: 'video',
			mimeType: 'video/mp4',
			size: 18081996,
			duration: 29,
		});
	});

	it('my_chat_member (bot blocked) is its own event with the chat key', () => {
		const event = parse('teloxide-my-chat-member-private-kicked');
		expect(event.event).toBe('myChatMember');
		expect(event.conversation.key).toBe(`telegram:${BOT_ID}:0`);
		expect(event.message).toMatchObject({ id: '', text: '', type: 'myChatMember' });
	});

	it('edited message → event "edited" with its edit date', () => {
		const update = fixture('filetreck-message-text-plain');
		const edited = {
			update_id: 5,
			edited_message: { ...(update.message as object), text: 'fixed', edit_date: 1680378200 },
		};
		const event = toConversationEvent(updateSchema.parse(edited), BOT_ID);
		expect(event).toMatchObject({
			event: 'edited',
			updateType: 'edited_message',
			message: { text: 'fixed', editDate: '2023-04-01T19:43:20.000Z' },
		});
	});

	it('group text uses the negative group id', () => {
		const event = toConversationEvent(
			updateSchema.parse(groupTextUpdate('hi all', { updateId: 2 })),
			BOT_ID,
		);
		expect(event.conversation.chatType).toBe('group');
		expect(event.conversation.chatId.startsWith('-')).toBe(true);
	});

	it('callback with a message: chat of the message, data as text, query id to answer', () => {
		const update = callbackQueryUpdate({ data: 'buy:42', updateId: 3 });
		const event = toConversationEvent(updateSchema.parse(update), BOT_ID);
		const query = update.callback_query as {
			id: string;
			message: { chat: { id: number }; message_id: number };
		};
		expect(event).toMatchObject({
			event: 'callback',
			conversation: { chatId: String(query.message.chat.id) },
			message: {
				type: 'callback',
				text: 'buy:42',
				callbackData: 'buy:42',
				callbackQueryId: String(query.id),
				id: String(query.message.message_id),
			},
		});
	});

	it('callback without message (inline mode): key of the private chat with the user who pressed', () => {
		const update = {
			update_id: 9,
			callback_query: {
				id: '4382bfdwdsb323b2d9',
				from: { id: 5964236329, is_bot: false, first_name: 'Cable', username: 'guy' },
				inline_message_id: 'AAAAAKuJAQAWNnZT7ZxMpw',
				chat_instance: '-8911110111',
				data: 'vote:yes',
			},
		};
		const event = toConversationEvent(updateSchema.parse(update), BOT_ID);
		expect(event.conversation).toMatchObject({
			key: `telegram:${BOT_ID}:5964236329`,
			chatType: 'private',
			derivedFromUser: true,
		});
		expect(event.message).toMatchObject({
			id: 'AAAAAKuJAQAWNnZT7ZxMpw',
			inlineMessageId: 'AAAAAKuJAQAWNnZT7ZxMpw',
			text: 'vote:yes',
		});
	});

	it('a poll update has no chat: empty key, still an item', () => {
		const event = toConversationEvent(
			updateSchema.parse({ update_id: 3, poll: { id: 'p1', question: 'Q?', options: [] } }),
			BOT_ID,
		);
		expect(event.conversation).toEqual({ key: '', channel: 'telegram', chatId: '', botId: BOT_ID });
		expect(event.message.text).toBe('Q?');
	});

	it('an update type newer than this code passes through with a camelCase event', () => {
		const event = toConversationEvent(
			updateSchema.parse({ update_id: 4, future_thing: { chat: { id: 7, type: 'private' } } }),
			BOT_ID,
		);
		expect(event.event).toBe('futureThing');
		expect(event.conversation.chatId).toBe('7');
	});

	it('rejects bodies that are not updates', () => {
		expect(updateSchema.safeParse({ hello: 1 }).success).toBe(false);
		expect(updateSchema.safeParse({ update_id: 1 }).success).toBe(false);
	});
});

describe('filters and allowed_updates', () => {
	const report = () => parse('teloxide-supergroup-command-report-reply');

	it('event types, chat ids and @usernames, user ids, commands', () => {
		expect(passesFilters(report(), ['message'], {})).toBe(true);
		expect(passesFilters(report(), ['callback_query'], {})).toBe(false);
		expect(passesFilters(report(), ['*'], { chatIds: '-1001293752024' })).toBe(true);
		expect(passesFilters(report(), ['*'], { chatIds: '@CryptoInside_Talk' })).toBe(true);
		expect(passesFilters(report(), ['*'], { chatIds: '42, 43' })).toBe(false);
		expect(passesFilters(report(), ['*'], { userIds: '5964236329' })).toBe(true);
		expect(passesFilters(report(), ['*'], { userIds: '1' })).toBe(false);
		expect(passesFilters(report(), ['*'], { commands: '/report, start' })).toBe(true);
		expect(passesFilters(report(), ['*'], { commands: 'start' })).toBe(false);
	});

	it('"all" is spelled out, since Telegram\'s empty list leaves out chat_member and reactions', () => {
		expect(allowedUpdates(['*'])).toEqual(ALL_UPDATE_TYPES);
		expect(allowedUpdates(['*'])).toEqual(
			expect.arrayContaining(['chat_member', 'message_reaction']),
		);
		expect(allowedUpdates(['message', 'callback_query'])).toEqual(['message', 'callback_query']);
	});
});
