import { toConversationEvent, updateSchema } from '../../../../nodes/TelegramBot/trigger/parse';
import { BOT_ID } from '../fixtures';

/** One Telegram update, read as the trigger reads it. */
const read = (update: Record<string, unknown>) =>
	toConversationEvent(updateSchema.parse(update), BOT_ID);

const key = (chatId: string) => `telegram:${BOT_ID}:${chatId}`;

const USER = {
	id: 42,
	is_bot: false,
	first_name: 'Ada',
	last_name: 'Lovelace',
	username: 'ada',
	language_code: 'en',
};
const USER_CONTACT = {
	id: '42',
	name: 'Ada Lovelace',
	username: 'ada',
	languageCode: 'en',
	isBot: false,
};
/** The private chat a user-only update is answered in. */
const USER_CHAT = {
	key: key('42'),
	channel: 'telegram',
	chatId: '42',
	botId: BOT_ID,
	chatType: 'private',
	derivedFromUser: true,
};
const GROUP = { id: -100123, type: 'supergroup', title: 'Team', username: 'team_chat' };
const GROUP_CHAT = {
	key: key('-100123'),
	channel: 'telegram',
	chatId: '-100123',
	botId: BOT_ID,
	chatType: 'supergroup',
	chatTitle: 'Team',
	chatUsername: 'team_chat',
};

describe('Telegram update types → conversation event, field by field', () => {
	it('callback_query on a message: the message chat and topic, the data as text', () => {
		const event = read({
			update_id: 1,
			callback_query: {
				id: '777',
				from: USER,
				chat_instance: 'ci',
				data: 'buy:1',
				message: {
					message_id: 55,
					date: 1700000000,
					chat: GROUP,
					text: 'Pick one',
					is_topic_message: true,
					message_thread_id: 9,
				},
			},
		});
		expect(event).toEqual({
			event: 'callback',
			updateType: 'callback_query',
			updateId: '1',
			conversation: { ...GROUP_CHAT, threadId: '9' },
			message: {
				id: '55',
				text: 'buy:1',
				type: 'callback',
				attachments: [],
				callbackQueryId: '777',
				callbackData: 'buy:1',
				callbackMessageText: 'Pick one',
			},
			contact: USER_CONTACT,
			raw: expect.any(Object),
		});
	});

	it('callback_query of a game on a captioned message: game name as text, caption kept', () => {
		const event = read({
			update_id: 2,
			callback_query: {
				id: '778',
				from: USER,
				chat_instance: 'ci',
				game_short_name: 'tetris',
				message: { message_id: 56, date: 0, chat: GROUP, caption: 'Play' },
			},
		});
		expect(event.message).toEqual({
			id: '56',
			text: 'tetris',
			type: 'callback',
			attachments: [],
			callbackQueryId: '778',
			callbackMessageText: 'Play',
		});
		expect(event.conversation).toEqual(GROUP_CHAT);
	});

	it('callback_query with neither data nor message: empty id and text, the user’s chat', () => {
		const event = read({
			update_id: 3,
			callback_query: { id: '779', from: USER, chat_instance: 'ci' },
		});
		expect(event.message).toEqual({
			id: '',
			text: '',
			type: 'callback',
			attachments: [],
			callbackQueryId: '779',
		});
		expect(event.conversation).toEqual(USER_CHAT);
	});

	it('inline_query: the query as text, its id to answer, the user’s chat', () => {
		const event = read({
			update_id: 4,
			inline_query: { id: '880', from: USER, query: 'cats', offset: '' },
		});
		expect(event).toEqual({
			event: 'inlineQuery',
			updateType: 'inline_query',
			updateId: '4',
			conversation: USER_CHAT,
			message: {
				id: '880',
				text: 'cats',
				type: 'inlineQuery',
				attachments: [],
				inlineQueryId: '880',
			},
			contact: USER_CONTACT,
			raw: expect.any(Object),
		});
	});

	it('chosen_inline_result: the result id as id, query as text, no inline query id', () => {
		const event = read({
			update_id: 5,
			chosen_inline_result: {
				result_id: 'r-1',
				from: USER,
				query: 'dogs',
				inline_message_id: 'im-1',
			},
		});
		expect(event.event).toBe('chosenInlineResult');
		expect(event.message).toEqual({
			id: 'r-1',
			text: 'dogs',
			type: 'chosenInlineResult',
			attachments: [],
			resultId: 'r-1',
			inlineMessageId: 'im-1',
		});
		expect(event.conversation).toEqual(USER_CHAT);
		expect(event.contact).toEqual(USER_CONTACT);
	});

	it('inline_query without a query: empty text', () => {
		expect(read({ update_id: 6, inline_query: { id: '881', from: USER } }).message.text).toBe('');
	});

	it.each([
		[
			'shipping_query',
			'shippingQuery',
			{ id: 's-1', from: USER, invoice_payload: 'order-7' },
			's-1',
			'order-7',
		],
		[
			'pre_checkout_query',
			'preCheckoutQuery',
			{ id: 'p-1', from: USER, invoice_payload: 'order-8', currency: 'EUR', total_amount: 100 },
			'p-1',
			'order-8',
		],
		[
			'purchased_paid_media',
			'purchasedPaidMedia',
			{ from: USER, paid_media_payload: 'media-9' },
			'',
			'media-9',
		],
		['shipping_query', 'shippingQuery', { id: 's-2', from: USER }, 's-2', ''],
	])('%s: the payload as text, the id, the user’s chat', (type, event, payload, id, text) => {
		const result = read({ update_id: 7, [type]: payload });
		expect(result.event).toBe(event);
		expect(result.message).toEqual({ id, text, type: event, attachments: [] });
		expect(result.conversation).toEqual(USER_CHAT);
		expect(result.contact).toEqual(USER_CONTACT);
	});

	it('poll_answer by a user: the poll id, the user’s chat', () => {
		const event = read({
			update_id: 8,
			poll_answer: { poll_id: 'poll-1', user: USER, option_ids: [0] },
		});
		expect(event.message).toEqual({ id: 'poll-1', text: '', type: 'pollAnswer', attachments: [] });
		expect(event.conversation).toEqual(USER_CHAT);
		expect(event.contact).toEqual(USER_CONTACT);
	});

	it('poll_answer by an anonymous chat: the voter chat is the conversation and the contact', () => {
		const event = read({
			update_id: 9,
			poll_answer: { poll_id: 'poll-2', voter_chat: GROUP, option_ids: [1] },
		});
		expect(event.conversation).toEqual(GROUP_CHAT);
		expect(event.contact).toEqual({ id: '-100123', name: 'Team', username: 'team_chat' });
	});

	it('business_connection: its id, the business owner’s chat', () => {
		const event = read({
			update_id: 10,
			business_connection: {
				id: 'bc-1',
				user: USER,
				user_chat_id: 42,
				date: 1700000000,
				can_reply: true,
				is_enabled: true,
			},
		});
		expect(event.event).toBe('businessConnection');
		expect(event.message).toEqual({
			id: 'bc-1',
			text: '',
			type: 'businessConnection',
			attachments: [],
		});
		expect(event.conversation).toEqual(USER_CHAT);
		expect(event.contact).toEqual(USER_CONTACT);
	});

	it('message_reaction by a user: the reacted message id, the chat, the user', () => {
		const event = read({
			update_id: 11,
			message_reaction: {
				chat: GROUP,
				message_id: 300,
				user: USER,
				date: 1700000000,
				old_reaction: [],
				new_reaction: [],
			},
		});
		expect(event.event).toBe('messageReaction');
		expect(event.message).toEqual({
			id: '300',
			text: '',
			type: 'messageReaction',
			attachments: [],
		});
		expect(event.conversation).toEqual(GROUP_CHAT);
		expect(event.contact).toEqual(USER_CONTACT);
	});

	it('message_reaction by an anonymous admin: the actor chat is the contact', () => {
		const event = read({
			update_id: 12,
			message_reaction: {
				chat: GROUP,
				message_id: 301,
				actor_chat: { id: -100999, type: 'channel', title: 'News' },
				date: 1700000000,
				old_reaction: [],
				new_reaction: [],
			},
		});
		expect(event.contact).toEqual({ id: '-100999', name: 'News' });
	});

	it('message_reaction_count: the message id and chat, no contact', () => {
		const event = read({
			update_id: 13,
			message_reaction_count: { chat: GROUP, message_id: 302, date: 1700000000, reactions: [] },
		});
		expect(event.message).toEqual({
			id: '302',
			text: '',
			type: 'messageReactionCount',
			attachments: [],
		});
		expect(event.conversation).toEqual(GROUP_CHAT);
		expect(event.contact).toEqual({});
	});

	it('chat_join_request: the chat and the user who asked', () => {
		const event = read({
			update_id: 14,
			chat_join_request: { chat: GROUP, from: USER, user_chat_id: 42, date: 1700000000 },
		});
		expect(event.event).toBe('chatJoinRequest');
		expect(event.conversation).toEqual(GROUP_CHAT);
		expect(event.contact).toEqual(USER_CONTACT);
		expect(event.message).toEqual({ id: '', text: '', type: 'chatJoinRequest', attachments: [] });
	});

	it('a poll without a question: empty text and no conversation', () => {
		const event = read({ update_id: 15, poll: { id: 'poll-3', options: [] } });
		expect(event.message).toEqual({ id: 'poll-3', text: '', type: 'poll', attachments: [] });
		expect(event.contact).toEqual({});
	});

	it('a channel post signed by the channel: sender_chat is the contact', () => {
		const event = read({
			update_id: 16,
			channel_post: {
				message_id: 5,
				date: 1700000000,
				chat: { id: -100777, type: 'channel', title: 'News' },
				sender_chat: { id: -100777, type: 'channel', title: 'News' },
				text: 'Hello',
			},
		});
		expect(event.event).toBe('channelPost');
		expect(event.contact).toEqual({ id: '-100777', name: 'News' });
		expect(event.conversation).toEqual({
			key: key('-100777'),
			channel: 'telegram',
			chatId: '-100777',
			botId: BOT_ID,
			chatType: 'channel',
			chatTitle: 'News',
		});
	});

	it('a business message: the business connection is kept to answer through', () => {
		const event = read({
			update_id: 17,
			business_message: {
				message_id: 6,
				date: 1700000000,
				chat: { id: 42, type: 'private', first_name: 'Ada', last_name: 'Lovelace' },
				from: USER,
				text: 'hi',
				business_connection_id: 'bc-1',
			},
		});
		expect(event.conversation).toEqual({
			key: key('42'),
			channel: 'telegram',
			chatId: '42',
			botId: BOT_ID,
			chatType: 'private',
			chatTitle: 'Ada Lovelace',
			businessConnectionId: 'bc-1',
		});
	});

	it('a reply in a non-topic thread: no conversation threadId, but the message names the thread', () => {
		const event = read({
			update_id: 18,
			message: {
				message_id: 7,
				date: 1700000000,
				chat: GROUP,
				from: USER,
				text: 'x',
				message_thread_id: 3,
				is_topic_message: false,
			},
		});
		expect(event.conversation.threadId).toBeUndefined();
		expect(event.message.threadId).toBe('3');
	});

	it('a user with only a first name is named by it; a bot is marked as one', () => {
		const event = read({
			update_id: 19,
			message: {
				message_id: 8,
				date: 1700000000,
				chat: GROUP,
				from: { id: 43, is_bot: true, first_name: 'Helper' },
				text: 'x',
			},
		});
		expect(event.contact).toEqual({ id: '43', name: 'Helper', isBot: true });
	});

	it('a sender whose is_bot is not a boolean gets no isBot', () => {
		const event = read({
			update_id: 20,
			message: {
				message_id: 9,
				date: 1700000000,
				chat: GROUP,
				from: { id: 44, is_bot: 'no', last_name: 'Solo' },
				text: 'x',
			},
		});
		expect(event.contact).toEqual({ id: '44', name: 'Solo' });
	});

	it('a string update_id is kept as it is', () => {
		expect(read({ update_id: '123', poll: { id: 'p' } }).updateId).toBe('123');
	});

	it('a chat whose id makes no key keeps the chat id and says why, instead of losing the update', () => {
		// The schema refuses such ids; this is the last line of defence behind it.
		const event = toConversationEvent(
			{ update_id: 21, my_chat_member: { chat: { id: 'a:b', type: 'private' }, from: USER } },
			BOT_ID,
		);
		expect(event.conversation).toMatchObject({
			key: '',
			channel: 'telegram',
			chatId: 'a:b',
			botId: BOT_ID,
			chatType: 'private',
		});
		expect(event.conversation.keyError).toEqual(expect.any(String));
		expect(event.conversation.keyError).not.toBe('');
	});
});
