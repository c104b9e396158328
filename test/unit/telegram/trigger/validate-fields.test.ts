import { isTelegramDate, updateProblem } from '../../../../nodes/TelegramBot/trigger/validate';

const USER = { id: 42, is_bot: false, first_name: 'Ada' };
const CHAT = { id: -100123, type: 'supergroup' };
const MESSAGE = { message_id: 1, date: 1700000000, chat: CHAT };
const DATE = 1700000000;

const ID_RANGE = "must be an integer within Telegram's 52-bit range";
const USER_RANGE = "must be a non-negative integer within Telegram's 52-bit range";
const DATE_RANGE = 'must be a Unix time in seconds (an integer up to 2^32)';

/** A valid update of the given type: the payload each test then breaks one field of. */
const VALID: Record<string, Record<string, unknown>> = {
	message: MESSAGE,
	edited_message: { ...MESSAGE, edit_date: DATE },
	channel_post: MESSAGE,
	edited_channel_post: MESSAGE,
	business_message: { ...MESSAGE, from: USER },
	edited_business_message: MESSAGE,
	callback_query: { id: 'q', from: USER, message: { ...MESSAGE, date: 0 } },
	inline_query: { id: 'q', from: USER, query: '' },
	chosen_inline_result: { result_id: 'r', from: USER },
	my_chat_member: { chat: CHAT, from: USER, date: DATE },
	chat_member: { chat: CHAT, from: USER, date: DATE },
	chat_join_request: { chat: CHAT, from: USER, date: DATE },
	message_reaction: { chat: CHAT, message_id: 0, date: DATE },
	message_reaction_count: { chat: CHAT, message_id: 5, date: DATE },
	poll: { id: 'p' },
	poll_answer: { poll_id: 'p' },
	shipping_query: { id: 's', from: USER },
	pre_checkout_query: { id: 'p', from: USER },
	purchased_paid_media: { from: USER },
	chat_boost: { chat: CHAT },
	removed_chat_boost: { chat: CHAT },
	business_connection: { id: 'b', user: USER },
	deleted_business_messages: { chat: CHAT, business_connection_id: 'b' },
};

const problem = (type: string, patch: Record<string, unknown>) =>
	updateProblem({ update_id: 1, [type]: { ...VALID[type], ...patch } });

describe('Telegram update validation, field by field', () => {
	it.each(Object.keys(VALID))('accepts a well-formed %s', (type) => {
		expect(updateProblem({ update_id: 1, [type]: VALID[type] })).toBeUndefined();
	});

	it.each<[string, Record<string, unknown>, string]>([
		['message', { message_id: undefined }, 'message.message_id must be a non-negative integer'],
		['message', { message_id: -1 }, 'message.message_id must be a non-negative integer'],
		['message', { date: 0 }, `message.date ${DATE_RANGE}`],
		['message', { date: 2 ** 32 + 1 }, `message.date ${DATE_RANGE}`],
		['message', { chat: 'c' }, 'message.chat must be an object'],
		['message', { chat: { id: 1 } }, 'message.chat.type must be a string'],
		['message', { chat: { id: 1, type: '' } }, 'message.chat.type must be a string'],
		['message', { chat: { id: 2 ** 52 + 2, type: 'x' } }, `message.chat.id ${ID_RANGE}`],
		['message', { chat: { id: -(2 ** 52) - 2, type: 'x' } }, `message.chat.id ${ID_RANGE}`],
		['message', { from: 'u' }, 'message.from must be an object'],
		['message', { from: { id: -1 } }, `message.from.id ${USER_RANGE}`],
		['message', { from: { id: 2 ** 52 + 2 } }, `message.from.id ${USER_RANGE}`],
		['message', { edit_date: 0 }, `message.edit_date ${DATE_RANGE}`],
		['channel_post', { chat: undefined }, 'channel_post.chat must be an object'],
		['callback_query', { id: '' }, 'callback_query.id must be a non-empty string'],
		['callback_query', { id: 5 }, 'callback_query.id must be a non-empty string'],
		['callback_query', { from: undefined }, 'callback_query.from must be an object'],
		['callback_query', { message: 'm' }, 'callback_query.message must be an object'],
		[
			'callback_query',
			{ message: { ...MESSAGE, date: -1 } },
			`callback_query.message.date ${DATE_RANGE}`,
		],
		[
			'callback_query',
			{ message: { ...MESSAGE, message_id: 'x' } },
			'callback_query.message.message_id must be a non-negative integer',
		],
		[
			'callback_query',
			{ message: { ...MESSAGE, chat: null } },
			'callback_query.message.chat must be an object',
		],
		['inline_query', { from: { id: 'x' } }, `inline_query.from.id ${USER_RANGE}`],
		[
			'chosen_inline_result',
			{ result_id: '' },
			'chosen_inline_result.result_id must be a non-empty string',
		],
		['my_chat_member', { date: undefined }, `my_chat_member.date ${DATE_RANGE}`],
		['chat_member', { from: undefined }, 'chat_member.from must be an object'],
		['chat_join_request', { chat: [] }, 'chat_join_request.chat must be an object'],
		[
			'message_reaction',
			{ message_id: 1.5 },
			'message_reaction.message_id must be a non-negative integer',
		],
		['message_reaction_count', { date: 'today' }, `message_reaction_count.date ${DATE_RANGE}`],
		['poll', { id: undefined }, 'poll.id must be a non-empty string'],
		['poll_answer', { poll_id: 1 }, 'poll_answer.poll_id must be a non-empty string'],
		['shipping_query', { id: '' }, 'shipping_query.id must be a non-empty string'],
		['pre_checkout_query', { from: null }, 'pre_checkout_query.from must be an object'],
		['purchased_paid_media', { from: undefined }, 'purchased_paid_media.from must be an object'],
		['chat_boost', { chat: undefined }, 'chat_boost.chat must be an object'],
		[
			'removed_chat_boost',
			{ chat: { id: 1, type: 7 } },
			'removed_chat_boost.chat.type must be a string',
		],
		['business_connection', { user: undefined }, 'business_connection.user must be an object'],
		['business_connection', { id: '' }, 'business_connection.id must be a non-empty string'],
		[
			'deleted_business_messages',
			{ business_connection_id: '' },
			'deleted_business_messages.business_connection_id must be a non-empty string',
		],
	])('%s with %j: "%s"', (type, patch, expected) => {
		expect(problem(type, patch)).toBe(expected);
	});

	it('checks the fields of a message in order: id, date, chat, sender, edit date', () => {
		expect(problem('message', { message_id: -1, date: 0, chat: 1, from: 1, edit_date: 0 })).toMatch(
			/^message\.message_id/,
		);
		expect(problem('message', { date: 0, chat: 1, from: 1, edit_date: 0 })).toMatch(
			/^message\.date/,
		);
		expect(problem('message', { chat: 1, from: 1, edit_date: 0 })).toMatch(/^message\.chat/);
		expect(problem('message', { from: 1, edit_date: 0 })).toMatch(/^message\.from/);
	});

	it.each<[string, Record<string, unknown>]>([
		['chat id at +2^52', { chat: { id: 2 ** 52, type: 'x' } }],
		['chat id at -2^52', { chat: { id: -(2 ** 52), type: 'x' } }],
		['chat id 0 (anonymised test data)', { chat: { id: 0, type: 'x' } }],
		['sender id 0', { from: { id: 0 } }],
		['sender id 2^52', { from: { id: 2 ** 52 } }],
		['date 1', { date: 1 }],
		['date 2^32', { date: 2 ** 32 }],
		['message_id 0 (scheduled)', { message_id: 0 }],
		['message_id at MAX_SAFE_INTEGER', { message_id: Number.MAX_SAFE_INTEGER }],
	])('accepts the boundary: %s', (_label, patch) => {
		expect(problem('message', patch)).toBeUndefined();
	});

	it('accepts date 0 only for the message under a callback (inaccessible message)', () => {
		expect(problem('callback_query', { message: { ...MESSAGE, date: 0 } })).toBeUndefined();
		expect(problem('message', { date: 0 })).toBeDefined();
		expect(problem('callback_query', { message: undefined })).toBeUndefined();
	});

	it.each<[unknown, boolean]>([
		[0, true],
		[Number.MAX_SAFE_INTEGER, true],
		['123456789012345', true],
		['1234567890123456', false],
		['', false],
		['12a', false],
		[-1, false],
		[1.5, false],
		[null, false],
	])('update_id %j accepted: %s', (id, ok) => {
		const result = updateProblem({ update_id: id, poll: { id: 'p' } });
		if (ok) expect(result).toBeUndefined();
		else expect(result).toBe('update_id must be a non-negative integer');
	});

	it('ignores update fields that are null or undefined when finding the update object', () => {
		expect(updateProblem({ update_id: 1, message: null, poll: { id: 'p' } })).toBeUndefined();
		expect(updateProblem({ update_id: 1, message: undefined, poll: { id: 'p' } })).toBeUndefined();
		expect(updateProblem({ update_id: 1, message: null })).toBe(
			'the update holds no update object',
		);
	});

	it('counts the update objects it found', () => {
		expect(updateProblem({ update_id: 1, poll: { id: 'p' }, a: {}, b: {} })).toBe(
			'an update holds exactly one update object, this one has 3',
		);
	});

	it('shows a long type name cut at 40 characters, and a short one whole', () => {
		const long = 'A'.repeat(41);
		expect(updateProblem({ update_id: 1, [long]: {} })).toBe(
			`"${'A'.repeat(40)}…" is not an update type`,
		);
		const forty = 'B'.repeat(40);
		expect(updateProblem({ update_id: 1, [forty]: {} })).toBe(`"${forty}" is not an update type`);
		const longButValid = 'x'.repeat(41);
		expect(updateProblem({ update_id: 1, [longButValid]: 'v' })).toBe(
			`${'x'.repeat(40)}… must be an object`,
		);
	});

	it('takes names up to 64 snake_case characters as update types', () => {
		expect(updateProblem({ update_id: 1, ['a'.repeat(64)]: {} })).toBeUndefined();
		expect(updateProblem({ update_id: 1, ['a'.repeat(65)]: {} })).toMatch(/is not an update type$/);
		expect(updateProblem({ update_id: 1, new_thing_2: {} })).toBeUndefined();
		expect(updateProblem({ update_id: 1, '2nd': {} })).toMatch(/is not an update type$/);
		expect(updateProblem({ update_id: 1, 'new-thing': {} })).toMatch(/is not an update type$/);
		expect(updateProblem({ update_id: 1, 'x\nmessage': {} })).toMatch(/is not an update type$/);
	});

	it.each(['constructor', 'tostring', 'valueof', '__proto__'])(
		'refuses the prototype name %s (when snake_case) as an update type',
		(name) => {
			const body = JSON.parse(`{"update_id":1,"${name}":{}}`) as Record<string, unknown>;
			const result = updateProblem(body);
			if (name in Object.prototype) expect(result).toBe(`"${name}" is not an update type`);
			else expect(result).toBeUndefined();
		},
	);
});

describe('isTelegramDate', () => {
	it.each<[unknown, boolean, boolean]>([
		[1, false, true],
		[0, false, false],
		[0, true, true],
		[-1, true, false],
		[2 ** 32, false, true],
		[2 ** 32 + 1, false, false],
		[1.5, false, false],
		['1700000000', false, false],
		[Number.NaN, false, false],
	])('%j (zero allowed: %s) is a date: %s', (value, allowZero, expected) => {
		expect(isTelegramDate(value, allowZero)).toBe(expected);
	});

	it('refuses 0 by default', () => {
		expect(isTelegramDate(0)).toBe(false);
	});
});
