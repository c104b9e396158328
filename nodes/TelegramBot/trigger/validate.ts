import { UPDATE_TYPES } from './events';

/**
 * What a Telegram update must look like before it may start a run. Anything else is refused
 * (webhook: 400; polling: skipped with a warning and confirmed, so it never blocks the updates
 * behind it). The checks cover what the trigger reads to build the conversation (ids, chat,
 * sender, dates); every other field passes through untouched under `raw`, so new Bot API fields
 * never break the trigger. A well-formed update type newer than this code passes too, with its
 * own name as the event and no conversation key.
 */

type Obj = Record<string, unknown>;
type Check = (payload: Obj) => string | undefined;

/** Telegram: chat and user ids "have at most 52 significant bits". */
const MAX_ID = 2 ** 52;
/** Unix time in seconds; Telegram's fields are 32-bit. Beyond that a date is not a date. */
const MAX_DATE = 2 ** 32;
/** Update type names are short snake_case words (the longest today has 25 characters). */
const UPDATE_TYPE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

const isObj = (value: unknown): value is Obj =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isInteger = (value: unknown, min: number, max: number): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

const isNonEmptyText = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

/** A Unix date in seconds within Telegram's range; `allowZero` for inaccessible messages (date 0). */
export function isTelegramDate(value: unknown, allowZero = false): value is number {
	return isInteger(value, allowZero ? 0 : 1, MAX_DATE);
}

function chatProblem(chat: unknown, field: string): string | undefined {
	if (!isObj(chat)) return `${field} must be an object`;
	// 0 is not a real chat, but anonymised test data (teloxide's fixtures) uses it; it is harmless.
	if (!isInteger(chat.id, -MAX_ID, MAX_ID))
		return `${field}.id must be an integer within Telegram's 52-bit range`;
	if (!isNonEmptyText(chat.type)) return `${field}.type must be a string`;
	return undefined;
}

function userProblem(user: unknown, field: string): string | undefined {
	if (!isObj(user)) return `${field} must be an object`;
	if (!isInteger(user.id, 0, MAX_ID))
		return `${field}.id must be a non-negative integer within Telegram's 52-bit range`;
	return undefined;
}

function dateProblem(value: unknown, field: string, allowZero = false): string | undefined {
	return isTelegramDate(value, allowZero)
		? undefined
		: `${field} must be a Unix time in seconds (an integer up to 2^32)`;
}

function messageIdProblem(value: unknown, field: string): string | undefined {
	// 0 is documented: a message the server scheduled instead of sending at once.
	return isInteger(value, 0, Number.MAX_SAFE_INTEGER)
		? undefined
		: `${field} must be a non-negative integer`;
}

/**
 * A Message (or an InaccessibleMessage inside a callback query, whose date is 0). `prefix` names
 * where it sits inside the update object ("" for the update object itself, "message." inside).
 */
function messageProblem(
	message: Obj,
	prefix = '',
	inaccessibleAllowed = false,
): string | undefined {
	return (
		messageIdProblem(message.message_id, `${prefix}message_id`) ??
		dateProblem(message.date, `${prefix}date`, inaccessibleAllowed) ??
		chatProblem(message.chat, `${prefix}chat`) ??
		(message.from === undefined ? undefined : userProblem(message.from, `${prefix}from`)) ??
		(message.edit_date === undefined
			? undefined
			: dateProblem(message.edit_date, `${prefix}edit_date`))
	);
}

const text =
	(name: string): Check =>
	(payload) =>
		isNonEmptyText(payload[name]) ? undefined : `${name} must be a non-empty string`;
const user =
	(name: string): Check =>
	(payload) =>
		userProblem(payload[name], name);
const chat: Check = (payload) => chatProblem(payload.chat, 'chat');
const date: Check = (payload) => dateProblem(payload.date, 'date');
const messageId: Check = (payload) => messageIdProblem(payload.message_id, 'message_id');

/** The fields each update type must carry, in the order they are checked. */
const REQUIRED: Record<keyof typeof UPDATE_TYPES, Check[]> = {
	message: [(p) => messageProblem(p)],
	edited_message: [(p) => messageProblem(p)],
	channel_post: [(p) => messageProblem(p)],
	edited_channel_post: [(p) => messageProblem(p)],
	business_message: [(p) => messageProblem(p)],
	edited_business_message: [(p) => messageProblem(p)],
	callback_query: [
		text('id'),
		user('from'),
		(p) =>
			p.message === undefined
				? undefined
				: isObj(p.message)
					? messageProblem(p.message, 'message.', true)
					: 'message must be an object',
	],
	inline_query: [text('id'), user('from')],
	chosen_inline_result: [text('result_id'), user('from')],
	my_chat_member: [chat, user('from'), date],
	chat_member: [chat, user('from'), date],
	chat_join_request: [chat, user('from'), date],
	message_reaction: [chat, messageId, date],
	message_reaction_count: [chat, messageId, date],
	poll: [text('id')],
	poll_answer: [text('poll_id')],
	shipping_query: [text('id'), user('from')],
	pre_checkout_query: [text('id'), user('from')],
	purchased_paid_media: [user('from')],
	chat_boost: [chat],
	removed_chat_boost: [chat],
	business_connection: [text('id'), user('user')],
	deleted_business_messages: [chat, text('business_connection_id')],
};

function isKnownType(name: string): name is keyof typeof UPDATE_TYPES {
	return Object.prototype.hasOwnProperty.call(UPDATE_TYPES, name);
}

/** Why this body is not a usable Telegram update, or undefined when it is one. */
export function updateProblem(update: Obj): string | undefined {
	const id = update.update_id;
	const idOk =
		isInteger(id, 0, Number.MAX_SAFE_INTEGER) || (typeof id === 'string' && /^\d{1,15}$/.test(id));
	if (!idOk) return 'update_id must be a non-negative integer';

	const types = Object.keys(update).filter(
		(key) => key !== 'update_id' && update[key] !== undefined && update[key] !== null,
	);
	if (types.length === 0) return 'the update holds no update object';
	if (types.length > 1)
		return `an update holds exactly one update object, this one has ${types.length}`;
	const [type] = types;
	const shown = type.length > 40 ? `${type.slice(0, 40)}…` : type;
	if (!UPDATE_TYPE_NAME.test(type) || (type in Object.prototype && !isKnownType(type)))
		return `"${shown}" is not an update type`;
	const payload = update[type];
	if (!isObj(payload)) return `${shown} must be an object`;
	if (!isKnownType(type)) return undefined;
	for (const check of REQUIRED[type]) {
		const problem = check(payload);
		if (problem) return `${type}.${problem}`;
	}
	return undefined;
}
