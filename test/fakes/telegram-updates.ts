/**
 * Builders of realistic Telegram updates for tests. Bodies follow real updates published in
 * public test suites (copied from /work/shared/fixtures/telegram: filetreck_bot's private text
 * and photo, teloxide's supergroup messages with big ids, message_thread_id and reply), with the
 * variable parts as options. update_id is left out unless given: FakeTelegram.pushUpdate numbers
 * updates the way Telegram does.
 */

export type TelegramUpdate = { update_id?: number } & Record<string, unknown>;

export interface TelegramUserOptions {
	userId?: number;
	firstName?: string;
	lastName?: string;
	username?: string;
	languageCode?: string;
}

export interface TelegramMessageOptions extends TelegramUserOptions {
	updateId?: number;
	chatId?: number;
	messageId?: number;
	/** Unix seconds (default: now). */
	date?: number;
	/** Extra fields merged into the message (e.g. entities, reply_to_message). */
	extra?: Record<string, unknown>;
}

/** The sender used by default: the user of filetreck_bot's fixtures (Cyrillic names on purpose). */
const DEFAULT_USER = {
	id: 86815320,
	is_bot: false,
	first_name: 'Ирина',
	last_name: 'Киселёва',
	username: 'Irina_V_Kiseleva',
	language_code: 'en',
};

function now(): number {
	return Math.floor(Date.now() / 1000);
}

let nextMessageId = 1000;
function messageIdOr(id: number | undefined): number {
	return id ?? nextMessageId++;
}

export function telegramUser(options: TelegramUserOptions = {}): Record<string, unknown> {
	const user: Record<string, unknown> = {
		...DEFAULT_USER,
		id: options.userId ?? DEFAULT_USER.id,
		first_name: options.firstName ?? DEFAULT_USER.first_name,
		last_name: options.lastName ?? DEFAULT_USER.last_name,
		username: options.username ?? DEFAULT_USER.username,
		language_code: options.languageCode ?? DEFAULT_USER.language_code,
	};
	if (options.lastName === '') delete user.last_name;
	if (options.username === '') delete user.username;
	return user;
}

function withUpdateId(
	update: Record<string, unknown>,
	updateId: number | undefined,
): TelegramUpdate {
	return updateId === undefined ? update : { update_id: updateId, ...update };
}

function privateChat(options: TelegramMessageOptions): Record<string, unknown> {
	const user = telegramUser(options);
	const chat: Record<string, unknown> = {
		id: options.chatId ?? user.id,
		first_name: user.first_name,
		type: 'private',
	};
	if (user.last_name !== undefined) chat.last_name = user.last_name;
	if (user.username !== undefined) chat.username = user.username;
	return chat;
}

/** A private text message (filetreck-message-text-plain.json). */
export function privateTextUpdate(
	text: string,
	options: TelegramMessageOptions = {},
): TelegramUpdate {
	return withUpdateId(
		{
			message: {
				message_id: messageIdOr(options.messageId),
				from: telegramUser(options),
				chat: privateChat(options),
				date: options.date ?? now(),
				text,
				...options.extra,
			},
		},
		options.updateId,
	);
}

/** A text message in a basic group (negative id without the -100 prefix). */
export function groupTextUpdate(
	text: string,
	options: TelegramMessageOptions & { title?: string } = {},
): TelegramUpdate {
	return withUpdateId(
		{
			message: {
				message_id: messageIdOr(options.messageId),
				from: telegramUser(options),
				chat: {
					id: options.chatId ?? -4012345678,
					title: options.title ?? 'Sales team',
					type: 'group',
					all_members_are_administrators: true,
				},
				date: options.date ?? now(),
				text,
				...options.extra,
			},
		},
		options.updateId,
	);
}

/**
 * A supergroup message, by default in a forum topic (message_thread_id + is_topic_message),
 * with the ids of teloxide's issue_1107 fixture: chat -1001293752024 and user 5964236329, both
 * beyond 2^31.
 */
export function supergroupTextUpdate(
	text: string,
	options: TelegramMessageOptions & { title?: string; threadId?: number | null } = {},
): TelegramUpdate {
	const threadId = options.threadId === undefined ? 134545 : options.threadId;
	const message: Record<string, unknown> = {
		message_id: messageIdOr(options.messageId),
		from: telegramUser({
			userId: 5964236329,
			firstName: 'the Cable Guy',
			lastName: '',
			username: 'spacewhaleblues',
			...options,
		}),
		chat: {
			id: options.chatId ?? -1001293752024,
			title: options.title ?? 'CryptoInside Chat',
			type: 'supergroup',
			username: 'cryptoinside_talk',
			is_forum: threadId !== null ? true : undefined,
		},
		date: options.date ?? now(),
		text,
	};
	if (threadId !== null) {
		message.message_thread_id = threadId;
		message.is_topic_message = true;
	}
	if (text.startsWith('/')) {
		message.entities = [{ offset: 0, length: text.split(/\s/)[0].length, type: 'bot_command' }];
	}
	return withUpdateId({ message: { ...message, ...options.extra } }, options.updateId);
}

/** An edited private message: same message_id, new text, edit_date. */
export function editedMessageUpdate(
	text: string,
	options: TelegramMessageOptions = {},
): TelegramUpdate {
	const date = options.date ?? now() - 60;
	return withUpdateId(
		{
			edited_message: {
				message_id: messageIdOr(options.messageId),
				from: telegramUser(options),
				chat: privateChat(options),
				date,
				edit_date: date + 30,
				text,
				...options.extra,
			},
		},
		options.updateId,
	);
}

/**
 * A photo message with four sizes, smallest first, as Telegram sends them
 * (filetreck-message-photo-media-group.json); the largest is the last.
 */
export function photoUpdate(
	options: TelegramMessageOptions & { caption?: string; mediaGroupId?: string } = {},
): TelegramUpdate {
	const base = 'AgACAgIAAxkBAAMEZCiCg7A1qAABECDXqbjnqtId777bAAIFyDEbLKhISVFwzRK8kZMNAQADAgAD';
	const sizes = [
		{ suffix: 'cwADLwQ', unique: 'AQADBcgxGyyoSEl4', file_size: 1392, width: 51, height: 90 },
		{ suffix: 'bQADLwQ', unique: 'AQADBcgxGyyoSEly', file_size: 17391, width: 180, height: 320 },
		{ suffix: 'eAADLwQ', unique: 'AQADBcgxGyyoSEl9', file_size: 72753, width: 451, height: 800 },
		{ suffix: 'eQADLwQ', unique: 'AQADBcgxGyyoSEl-', file_size: 132533, width: 721, height: 1280 },
	];
	const message: Record<string, unknown> = {
		message_id: messageIdOr(options.messageId),
		from: telegramUser(options),
		chat: privateChat(options),
		date: options.date ?? now(),
		photo: sizes.map((size) => ({
			file_id: `${base}${size.suffix}`,
			file_unique_id: size.unique,
			file_size: size.file_size,
			width: size.width,
			height: size.height,
		})),
	};
	if (options.mediaGroupId !== undefined) message.media_group_id = options.mediaGroupId;
	if (options.caption !== undefined) message.caption = options.caption;
	return withUpdateId({ message: { ...message, ...options.extra } }, options.updateId);
}

export interface CallbackQueryOptions extends TelegramUserOptions {
	updateId?: number;
	data?: string;
	/** false: the button was on an inline-mode message; there is no `message`, only inline_message_id. */
	withMessage?: boolean;
	chatId?: number;
	/** The bot's message that carried the button. */
	messageId?: number;
	botId?: number;
	queryId?: string;
}

/** A callback_query from an inline keyboard button, with or without the message. */
export function callbackQueryUpdate(options: CallbackQueryOptions = {}): TelegramUpdate {
	const from = telegramUser(options);
	const query: Record<string, unknown> = {
		id: options.queryId ?? `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
		from,
		chat_instance: '-5326548573513496245',
		data: options.data ?? 'choice:1',
	};
	if (options.withMessage === false) {
		query.inline_message_id = 'AgAAAHd0AQBYtJgFaAbS0Q8R2xY';
	} else {
		query.message = {
			message_id: messageIdOr(options.messageId),
			from: {
				id: options.botId ?? 123456789,
				is_bot: true,
				first_name: 'Fake Bot',
				username: 'fake_test_bot',
			},
			chat: privateChat({ ...options, chatId: options.chatId }),
			date: now() - 5,
			text: 'Choose an option',
			reply_markup: {
				inline_keyboard: [[{ text: 'Option 1', callback_data: options.data ?? 'choice:1' }]],
			},
		};
	}
	return withUpdateId({ callback_query: query }, options.updateId);
}

/** A channel post (no `from`; `sender_chat` is the channel). */
export function channelPostUpdate(
	text: string,
	options: { updateId?: number; chatId?: number; messageId?: number } = {},
): TelegramUpdate {
	const chat = {
		id: options.chatId ?? -1002149282975,
		title: 'TON Spin',
		type: 'channel',
		username: 'TONSpinChannel',
	};
	return withUpdateId(
		{
			channel_post: {
				message_id: messageIdOr(options.messageId),
				sender_chat: chat,
				chat,
				date: now(),
				text,
			},
		},
		options.updateId,
	);
}

/** my_chat_member: the user blocked the bot (teloxide-my-chat-member-private-kicked.json). */
export function botBlockedUpdate(
	options: TelegramUserOptions & { updateId?: number; botId?: number } = {},
): TelegramUpdate {
	const from = telegramUser(options);
	const bot = {
		id: options.botId ?? 123456789,
		is_bot: true,
		first_name: 'Fake Bot',
		username: 'fake_test_bot',
	};
	return withUpdateId(
		{
			my_chat_member: {
				chat: privateChat(options),
				from,
				date: now(),
				old_chat_member: { user: bot, status: 'member' },
				new_chat_member: { user: bot, status: 'kicked', until_date: 0 },
			},
		},
		options.updateId,
	);
}

/** The kind of an update: the one key besides update_id ("message", "callback_query", …). */
export function updateType(update: TelegramUpdate): string {
	return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}
