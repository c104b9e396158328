/**
 * Fake Telegram Bot API (api-reference §5).
 *
 * Follows the documented behaviour: /bot<token>/<method> by GET or POST with JSON, urlencoded
 * or multipart; {"ok":true,"result"} / {"ok":false,"error_code","description","parameters"};
 * getUpdates offsets (confirming everything below the offset; negative = from the end), limit,
 * long-poll timeout and allowed_updates; one webhook per bot with secret_token sent back in
 * X-Telegram-Bot-Api-Secret-Token, redelivery while the webhook answers non-2xx; getFile +
 * /file/bot<token>/<path>; 429 with parameters.retry_after; 400 with
 * parameters.migrate_to_chat_id after a group became a supergroup; the FAQ's limits
 * (~1 msg/s per chat with short bursts, ~30 msg/s per bot, 20 msg/min per group).
 * Inferred: exact retry timing of webhook redelivery (configurable), which validation fires
 * first, burst sizes, that a wrong token answers 401 (Telegram answers 401 for a well-formed
 * but wrong token and 404 for a malformed one; we always answer 401). http:// webhook URLs and
 * any port are accepted (Telegram requires HTTPS on 443/80/88/8443) so n8n on 127.0.0.1 works;
 * set requireHttpsWebhook to get Telegram's refusal. Replies to unknown messages and unknown
 * file_ids in sends are accepted (recorded as is).
 */
import { EventEmitter } from 'node:events';

import {
	FakeServer,
	type FakeResponse,
	type FakeServerOptions,
	type RecordedRequest,
	type UploadedFile,
} from './fake-server';
import {
	badRequest,
	CHAT_ACTIONS,
	chatFor,
	checkCaption,
	checkChatId,
	checkParseMode,
	checkReplyMarkup,
	checkText,
	mediaObject,
	TelegramError,
	type MediaKind,
	type StoredFile,
} from './telegram-messages';
import { updateType, type TelegramUpdate } from './telegram-updates';
import { deliverWebhook } from './deliver-webhook';

export const DEFAULT_TELEGRAM_TOKEN = '123456789:AAHfakeTokenForTests_0123456789abcdef';

export interface TelegramLimit {
	limit: number;
	windowMs: number;
}

export interface TelegramRateLimits {
	/** Default 3 per 3 s: ~1/s sustained with a burst of 3. */
	perChat?: TelegramLimit | false;
	/** Default 30 per second across chats. */
	perBot?: TelegramLimit | false;
	/** Default 20 per minute to one group or supergroup. */
	perGroup?: TelegramLimit | false;
}

export interface TelegramFakeOptions extends FakeServerOptions {
	/** Valid bot tokens (default [DEFAULT_TELEGRAM_TOKEN]). */
	tokens?: string[];
	/** false turns rate limiting off. */
	rateLimits?: TelegramRateLimits | false;
	/** Pause between redeliveries of an update the webhook did not accept (default 300 ms). */
	webhookRetryMs?: number;
	/** Give up on an update after this many failed webhook deliveries (default 100). */
	maxWebhookAttempts?: number;
	/** When set, sends to any other chat answer 400 "chat not found". */
	knownChats?: Array<string | number>;
	requireHttpsWebhook?: boolean;
	/**
	 * getFile's size limit (default 20 MB, the cloud Bot API's). Infinity behaves like a local
	 * Bot API server, so tests can prove the node's own 20 MB check rather than the fake's.
	 */
	getFileLimitBytes?: number;
}

export interface TelegramSent {
	token: string;
	method: string;
	chatId: string;
	/** Every argument of the call, JSON-looking strings parsed (reply_markup, …). */
	args: Record<string, unknown>;
	text?: string;
	caption?: string;
	media?: {
		kind: MediaKind;
		source: 'url' | 'file_id' | 'upload';
		value: string;
		upload?: UploadedFile;
	};
	/** The Message answered. */
	result: Record<string, unknown>;
}

export interface TelegramWebhookDelivery {
	token: string;
	updateId: number;
	url: string;
	status?: number;
	error?: string;
	secretHeader?: string;
	at: number;
}

interface Webhook {
	url: string;
	secret_token?: string;
	allowed_updates?: string[];
	max_connections: number;
	ip_address?: string;
	last_error_date?: number;
	last_error_message?: string;
}

interface Poller {
	wake: (response?: FakeResponse) => void;
}

interface BotState {
	token: string;
	id: number;
	queue: Array<{ update: TelegramUpdate; attempts: number }>;
	nextUpdateId: number;
	webhook?: Webhook;
	/** getUpdates' allowed_updates, remembered between calls as Telegram does. */
	allowedUpdates?: string[];
	poller?: Poller;
	delivering: boolean;
	messages: Map<string, Record<string, unknown>>;
	nextMessageId: Map<string, number>;
	migrated: Map<string, number>;
}

const SEND_METHODS = [
	'sendmessage',
	'sendphoto',
	'senddocument',
	'sendvideo',
	'sendaudio',
	'sendvoice',
];
const JSON_ARGUMENTS = [
	'reply_markup',
	'reply_parameters',
	'link_preview_options',
	'allowed_updates',
	'entities',
	'caption_entities',
];
const GETFILE_LIMIT = 20 * 1024 * 1024;

function ok(result: unknown, description?: string): FakeResponse {
	return {
		status: 200,
		json: description ? { ok: true, result, description } : { ok: true, result },
	};
}

function failure(error: TelegramError): FakeResponse {
	const json: Record<string, unknown> = {
		ok: false,
		error_code: error.errorCode,
		description: error.description,
	};
	if (error.parameters) json.parameters = error.parameters;
	return { status: error.errorCode, json };
}

function flag(value: unknown): boolean {
	return value === true || value === 'true' || value === 1 || value === '1';
}

function optionalNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** The call's arguments from query, JSON, urlencoded or multipart, with JSON-looking fields parsed. */
export function telegramArgs(request: RecordedRequest): Record<string, unknown> {
	const body =
		request.body && typeof request.body === 'object'
			? (request.body as Record<string, unknown>)
			: {};
	const args: Record<string, unknown> = { ...request.query, ...body };
	for (const name of JSON_ARGUMENTS) {
		const value = args[name];
		if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
			try {
				args[name] = JSON.parse(value);
			} catch {
				throw badRequest(`can't parse ${name} JSON object`);
			}
		}
	}
	return args;
}

export class FakeTelegram extends FakeServer {
	readonly sent: TelegramSent[] = [];
	/**
	 * getUpdates calls that arrived while another long poll of the same bot was still open: two
	 * pollers for one bot (Telegram answers the older one 409 Conflict).
	 */
	readonly overlappingPolls: Array<{ token: string; at: number }> = [];
	readonly chatActions: Array<{
		token: string;
		chatId: string;
		action: string;
		message_thread_id?: number;
	}> = [];
	readonly callbackAnswers: Array<Record<string, unknown>> = [];
	readonly edits: Array<{
		token: string;
		chatId?: string;
		messageId?: number;
		inlineMessageId?: string;
		text: string;
	}> = [];
	readonly deletions: Array<{ token: string; chatId: string; messageId: number }> = [];
	readonly webhookDeliveries: TelegramWebhookDelivery[] = [];
	private readonly bots = new Map<string, BotState>();
	private readonly files = new Map<string, StoredFile>();
	private readonly events = new EventEmitter();
	private readonly timers = new Set<NodeJS.Timeout>();
	private nextFileNumber = 1;
	readonly options: TelegramFakeOptions;

	constructor(options: TelegramFakeOptions = {}) {
		super(options);
		this.options = options;
		this.events.setMaxListeners(100);
		for (const token of options.tokens ?? [DEFAULT_TELEGRAM_TOKEN]) this.addBot(token);
		this.route('*', /^\/bot(?<token>[^/]+)\/(?<method>[A-Za-z]+)$/, (request) =>
			this.call(request),
		);
		this.route('GET', /^\/file\/bot(?<token>[^/]+)\/(?<filePath>.+)$/, (request) =>
			this.download(request),
		);
		this.setRateLimits(options.rateLimits);
	}

	/** Base URL the credential uses (the fake stands in for https://api.telegram.org). */
	get apiBaseUrl(): string {
		return this.url;
	}

	/** Adds a valid bot token (its id is the number before ':'). */
	addBot(token: string): void {
		if (this.bots.has(token)) return;
		this.bots.set(token, {
			token,
			id: Number(token.split(':')[0]),
			queue: [],
			nextUpdateId: 100000001,
			delivering: false,
			messages: new Map(),
			nextMessageId: new Map(),
			migrated: new Map(),
		});
	}

	/** Replaces the rate limits; undefined = Telegram's defaults, false = none. */
	setRateLimits(limits: TelegramRateLimits | false | undefined): void {
		this.clearRateLimits();
		if (limits === false) return;
		const perChat = limits?.perChat ?? { limit: 3, windowMs: 3000 };
		const perBot = limits?.perBot ?? { limit: 30, windowMs: 1000 };
		const perGroup = limits?.perGroup ?? { limit: 20, windowMs: 60_000 };
		const target = (request: RecordedRequest): { token: string; chatId: string } | undefined => {
			if (!SEND_METHODS.includes((request.params.method ?? '').toLowerCase())) return undefined;
			try {
				const chatId = telegramArgs(request).chat_id;
				return chatId === undefined
					? undefined
					: { token: request.params.token ?? '', chatId: String(chatId) };
			} catch {
				return undefined;
			}
		};
		const rules = [];
		if (perBot)
			rules.push({ name: 'per-bot', ...perBot, key: (r: RecordedRequest) => target(r)?.token });
		if (perChat)
			rules.push({
				name: 'per-chat',
				...perChat,
				key: (r: RecordedRequest) => {
					const t = target(r);
					return t && `${t.token}|${t.chatId}`;
				},
			});
		if (perGroup) {
			rules.push({
				name: 'per-group',
				...perGroup,
				key: (r: RecordedRequest) => {
					const t = target(r);
					return t && t.chatId.startsWith('-') ? `${t.token}|${t.chatId}` : undefined;
				},
			});
		}
		this.addRateLimit(rules, (verdict) =>
			failure(
				new TelegramError(429, `Too Many Requests: retry after ${verdict.retryAfterSeconds}`, {
					retry_after: verdict.retryAfterSeconds,
				}),
			),
		);
	}

	/** From now on, sends to oldId answer 400 with parameters.migrate_to_chat_id = newId. */
	migrateChat(oldId: number | string, newId: number, token = this.defaultToken): void {
		this.bot(token).migrated.set(String(oldId), newId);
	}

	/** Registers a file so getFile and the download URL serve it. */
	addFile(
		content: Buffer | string,
		options: {
			file_id?: string;
			file_path?: string;
			file_size?: number;
			mime_type?: string;
			file_name?: string;
		} = {},
	): StoredFile {
		const number = this.nextFileNumber++;
		const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
		const file: StoredFile = {
			file_id: options.file_id ?? `BQACAgIAAxkBAAIF${String(number).padStart(6, '0')}fakeFileId`,
			file_unique_id: `AgADfake${number}`,
			file_path:
				options.file_path ??
				`documents/file_${number}${options.file_name ? `_${options.file_name}` : ''}`,
			data,
			file_size: options.file_size ?? data.length,
			mime_type: options.mime_type,
			file_name: options.file_name,
		};
		this.files.set(file.file_id, file);
		return file;
	}

	/**
	 * Queues an update (numbering it when update_id is missing). With a webhook set it is POSTed
	 * there, and kept and retried while the webhook answers non-2xx; otherwise it waits for
	 * getUpdates. Updates of a type outside allowed_updates are dropped, as Telegram does.
	 */
	pushUpdate(update: TelegramUpdate, token = this.defaultToken): TelegramUpdate {
		return this.pushUpdates([update], token)[0];
	}

	/**
	 * Queues several updates at once: a getUpdates held open receives them all in one answer
	 * (pushUpdate one by one would answer it with the first).
	 */
	pushUpdates(updates: TelegramUpdate[], token = this.defaultToken): TelegramUpdate[] {
		const bot = this.bot(token);
		const queued = updates.map((update) => this.queueUpdate(bot, update));
		if (bot.webhook) void this.deliverQueue(bot);
		else bot.poller?.wake();
		return queued;
	}

	private queueUpdate(bot: BotState, update: TelegramUpdate): TelegramUpdate {
		const numbered = { ...update };
		if (typeof numbered.update_id !== 'number') numbered.update_id = bot.nextUpdateId;
		bot.nextUpdateId = Math.max(bot.nextUpdateId, numbered.update_id + 1);
		const allowed = bot.webhook ? bot.webhook.allowed_updates : bot.allowedUpdates;
		if (allowed && allowed.length > 0 && !allowed.includes(updateType(numbered))) return numbered;
		this.rememberMessage(bot, numbered);
		bot.queue.push({ update: numbered, attempts: 0 });
		return numbered;
	}

	/** Updates not yet confirmed (getUpdates offset) or delivered (webhook 2xx). */
	pendingUpdates(token = this.defaultToken): TelegramUpdate[] {
		return this.bot(token).queue.map((entry) => entry.update);
	}

	/** Whether a long-polling getUpdates is being held for the bot (an update would wake it). */
	isPolling(token = this.defaultToken): boolean {
		return this.bot(token).poller !== undefined;
	}

	/** The webhook registration, as getWebhookInfo would describe it (undefined = none). */
	webhookOf(token = this.defaultToken): Readonly<Webhook> | undefined {
		return this.bot(token).webhook;
	}

	/** Resolves with the first successful (2xx) webhook delivery of this update. */
	async waitForWebhookDelivery(
		updateId: number,
		timeoutMs = 5000,
	): Promise<TelegramWebhookDelivery> {
		const done = (): TelegramWebhookDelivery | undefined =>
			this.webhookDeliveries.find(
				(delivery) =>
					delivery.updateId === updateId && delivery.status !== undefined && delivery.status < 300,
			);
		const found = done();
		if (found) return found;
		return await new Promise((resolve, reject) => {
			const listener = (): void => {
				const delivery = done();
				if (!delivery) return;
				clearTimeout(timer);
				this.events.off('delivery', listener);
				resolve(delivery);
			};
			const timer = setTimeout(() => {
				this.events.off('delivery', listener);
				reject(
					new Error(`Update ${updateId} was not accepted by the webhook within ${timeoutMs} ms`),
				);
			}, timeoutMs);
			this.events.on('delivery', listener);
		});
	}

	/**
	 * Send attempts (refused ones too) that broke Telegram's documented pace: about one message
	 * per second to a chat, at most 30 per second per bot. Counted from arrival times, so a test
	 * proves the node paces itself rather than that the fake's 429 was waited out. Arrival gaps
	 * can be a little shorter than the client's pause (scheduling jitter), hence the tolerance.
	 */
	pacingViolations(token = this.defaultToken, toleranceMs = 100): string[] {
		const sends = this.requests
			.filter((request) => {
				const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
				return (
					match?.[1] === token &&
					/^(?:send(?!ChatAction)[A-Za-z]+|copyMessage|forwardMessage)$/.test(match[2])
				);
			})
			.map((request) => ({ at: request.receivedAt, chat: String(telegramArgs(request).chat_id) }));
		const violations: string[] = [];
		const lastByChat = new Map<string, number>();
		for (const send of sends) {
			const last = lastByChat.get(send.chat);
			if (last !== undefined && send.at - last < 1000 - toleranceMs) {
				violations.push(`chat ${send.chat}: two sends ${send.at - last} ms apart`);
			}
			lastByChat.set(send.chat, send.at);
		}
		for (let i = 0; i + 30 < sends.length; i++) {
			const span = sends[i + 30].at - sends[i].at;
			if (span < 1000 - toleranceMs) violations.push(`bot: 31 sends within ${span} ms`);
		}
		return violations;
	}

	/** Messages the bot sent to a chat, in order. */
	sentTo(chatId: number | string, token = this.defaultToken): TelegramSent[] {
		return this.sent.filter((entry) => entry.token === token && entry.chatId === String(chatId));
	}

	override reset(): void {
		super.reset();
		this.sent.length = 0;
		this.chatActions.length = 0;
		this.callbackAnswers.length = 0;
		this.edits.length = 0;
		this.deletions.length = 0;
		this.webhookDeliveries.length = 0;
		this.overlappingPolls.length = 0;
		this.files.clear();
		this.releaseWaits();
		const tokens = [...this.bots.keys()];
		this.bots.clear();
		for (const token of tokens) this.addBot(token);
	}

	override async stop(): Promise<void> {
		this.releaseWaits();
		await super.stop();
	}

	protected override notFound(): FakeResponse {
		return failure(new TelegramError(404, 'Not Found'));
	}

	private get defaultToken(): string {
		return [...this.bots.keys()][0];
	}

	private bot(token: string): BotState {
		const bot = this.bots.get(token);
		if (!bot) throw new Error(`FakeTelegram: unknown bot token ${token}`);
		return bot;
	}

	private releaseWaits(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const bot of this.bots.values()) {
			bot.poller?.wake(ok([]));
			bot.webhook = undefined;
		}
	}

	private later(ms: number, fn: () => void): NodeJS.Timeout {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	private async call(request: RecordedRequest): Promise<FakeResponse> {
		const bot = this.bots.get(request.params.token ?? '');
		if (!bot) return failure(new TelegramError(401, 'Unauthorized'));
		try {
			const args = telegramArgs(request);
			switch ((request.params.method ?? '').toLowerCase()) {
				case 'getme':
					return ok(this.botUser(bot, true));
				case 'sendmessage':
					return ok(this.sendMessage(bot, args));
				case 'sendphoto':
					return ok(this.sendMedia(bot, 'photo', args, request.files));
				case 'senddocument':
					return ok(this.sendMedia(bot, 'document', args, request.files));
				case 'sendvideo':
					return ok(this.sendMedia(bot, 'video', args, request.files));
				case 'sendaudio':
					return ok(this.sendMedia(bot, 'audio', args, request.files));
				case 'sendvoice':
					return ok(this.sendMedia(bot, 'voice', args, request.files));
				case 'sendchataction':
					return ok(this.sendChatAction(bot, args));
				case 'editmessagetext':
					return ok(this.editMessageText(bot, args));
				case 'deletemessage':
					return ok(this.deleteMessage(bot, args));
				case 'answercallbackquery':
					return ok(this.answerCallbackQuery(bot, args));
				case 'getfile':
					return ok(this.getFile(args));
				case 'setwebhook':
					return this.setWebhook(bot, args);
				case 'deletewebhook':
					return this.deleteWebhook(bot, args);
				case 'getwebhookinfo':
					return ok(this.webhookInfo(bot));
				case 'getupdates':
					return await this.getUpdates(bot, args, request.signal);
				default:
					return failure(new TelegramError(404, 'Not Found'));
			}
		} catch (error) {
			if (error instanceof TelegramError) return failure(error);
			throw error;
		}
	}

	private botUser(bot: BotState, full = false): Record<string, unknown> {
		const user: Record<string, unknown> = {
			id: bot.id,
			is_bot: true,
			first_name: 'Fake Bot',
			username: `fake_${bot.id}_bot`,
		};
		if (full) {
			Object.assign(user, {
				can_join_groups: true,
				can_read_all_group_messages: false,
				supports_inline_queries: false,
			});
		}
		return user;
	}

	/** Resolves chat_id and answers the errors Telegram gives before sending anything. */
	private targetChat(bot: BotState, args: Record<string, unknown>): string {
		const chatId = checkChatId(args.chat_id);
		const migratedTo = bot.migrated.get(chatId);
		if (migratedTo !== undefined) {
			throw badRequest('group chat was upgraded to a supergroup chat', {
				migrate_to_chat_id: migratedTo,
			});
		}
		const known = this.options.knownChats;
		if (known && !known.map(String).includes(chatId)) throw badRequest('chat not found');
		return chatId;
	}

	private newMessage(
		bot: BotState,
		chatId: string,
		args: Record<string, unknown>,
		content: Record<string, unknown>,
	): Record<string, unknown> {
		const messageId = bot.nextMessageId.get(chatId) ?? 101;
		bot.nextMessageId.set(chatId, messageId + 1);
		const message: Record<string, unknown> = {
			message_id: messageId,
			from: this.botUser(bot),
			chat: chatFor(chatId),
			date: Math.floor(Date.now() / 1000),
		};
		const threadId = optionalNumber(args.message_thread_id);
		if (threadId !== undefined) {
			message.message_thread_id = threadId;
			message.is_topic_message = true;
		}
		const replyParameters = args.reply_parameters as { message_id?: unknown } | undefined;
		const replyTo = optionalNumber(replyParameters?.message_id ?? args.reply_to_message_id);
		if (replyTo !== undefined) {
			message.reply_to_message = bot.messages.get(`${chatId}|${replyTo}`) ?? {
				message_id: replyTo,
				chat: chatFor(chatId),
				date: Math.floor(Date.now() / 1000) - 1,
			};
		}
		Object.assign(message, content);
		const markup = checkReplyMarkup(args.reply_markup);
		if (markup) message.reply_markup = markup;
		if (flag(args.protect_content)) message.has_protected_content = true;
		bot.messages.set(`${chatId}|${messageId}`, message);
		return message;
	}

	private sendMessage(bot: BotState, args: Record<string, unknown>): Record<string, unknown> {
		const chatId = this.targetChat(bot, args);
		const parseMode = checkParseMode(args.parse_mode);
		const text = checkText(args.text, parseMode);
		const content: Record<string, unknown> = { text };
		if (args.link_preview_options !== undefined)
			content.link_preview_options = args.link_preview_options;
		const result = this.newMessage(bot, chatId, args, content);
		this.sent.push({ token: bot.token, method: 'sendMessage', chatId, args, text, result });
		return result;
	}

	private sendMedia(
		bot: BotState,
		kind: MediaKind,
		args: Record<string, unknown>,
		files: UploadedFile[],
	): Record<string, unknown> {
		const chatId = this.targetChat(bot, args);
		const parseMode = checkParseMode(args.parse_mode);
		const caption = checkCaption(args.caption, parseMode);
		const value = args[kind];
		const attachName =
			typeof value === 'string' && value.startsWith('attach://')
				? value.slice('attach://'.length)
				: kind;
		const upload = files.find((file) => file.field === attachName);
		let media: TelegramSent['media'];
		let file: StoredFile;
		if (upload) {
			file = this.addFile(upload.data, {
				file_name: upload.filename,
				mime_type: upload.contentType,
				file_path: `${kind}s/file_${this.nextFileNumber}`,
			});
			media = { kind, source: 'upload', value: upload.filename, upload };
		} else if (typeof value === 'string' && value !== '') {
			const isUrl = /^https?:\/\//i.test(value);
			file =
				this.files.get(value) ??
				this.addFile(Buffer.alloc(0), {
					file_id: isUrl ? undefined : value,
					file_path: `${kind}s/file_${this.nextFileNumber}`,
					file_size: 1024,
					file_name: isUrl ? value.split('/').pop() : undefined,
				});
			media = { kind, source: isUrl ? 'url' : 'file_id', value };
		} else {
			throw badRequest(`there is no ${kind} in the request`);
		}
		const content: Record<string, unknown> = { [kind]: mediaObject(kind, file) };
		if (caption !== undefined) content.caption = caption;
		const result = this.newMessage(bot, chatId, args, content);
		const method = `send${kind[0].toUpperCase()}${kind.slice(1)}`;
		this.sent.push({ token: bot.token, method, chatId, args, caption, media, result });
		return result;
	}

	private sendChatAction(bot: BotState, args: Record<string, unknown>): true {
		const chatId = this.targetChat(bot, args);
		const action = String(args.action ?? '');
		if (!CHAT_ACTIONS.includes(action)) throw badRequest('wrong parameter action in request');
		this.chatActions.push({
			token: bot.token,
			chatId,
			action,
			message_thread_id: optionalNumber(args.message_thread_id),
		});
		return true;
	}

	private editMessageText(
		bot: BotState,
		args: Record<string, unknown>,
	): Record<string, unknown> | true {
		const parseMode = checkParseMode(args.parse_mode);
		const text = checkText(args.text, parseMode);
		if (args.inline_message_id !== undefined && args.inline_message_id !== '') {
			this.edits.push({ token: bot.token, inlineMessageId: String(args.inline_message_id), text });
			return true;
		}
		const chatId = checkChatId(args.chat_id);
		const messageId = optionalNumber(args.message_id);
		const message =
			messageId === undefined ? undefined : bot.messages.get(`${chatId}|${messageId}`);
		if (!message || messageId === undefined) throw badRequest('message to edit not found');
		const markup = checkReplyMarkup(args.reply_markup);
		if (message.text === text && JSON.stringify(message.reply_markup) === JSON.stringify(markup)) {
			throw badRequest(
				'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
			);
		}
		message.text = text;
		message.edit_date = Math.floor(Date.now() / 1000);
		if (markup) message.reply_markup = markup;
		else delete message.reply_markup;
		this.edits.push({ token: bot.token, chatId, messageId, text });
		return message;
	}

	private deleteMessage(bot: BotState, args: Record<string, unknown>): true {
		const chatId = checkChatId(args.chat_id);
		const messageId = optionalNumber(args.message_id);
		const key = `${chatId}|${messageId}`;
		if (messageId === undefined || !bot.messages.has(key))
			throw badRequest('message to delete not found');
		bot.messages.delete(key);
		this.deletions.push({ token: bot.token, chatId, messageId });
		return true;
	}

	private answerCallbackQuery(bot: BotState, args: Record<string, unknown>): true {
		if (args.callback_query_id === undefined || args.callback_query_id === '') {
			throw badRequest('query is too old and response timeout expired or query ID is invalid');
		}
		if (args.text !== undefined && String(args.text).length > 200)
			throw badRequest('MESSAGE_TOO_LONG');
		this.callbackAnswers.push({ token: bot.token, ...args });
		return true;
	}

	private getFile(args: Record<string, unknown>): Record<string, unknown> {
		const file = this.files.get(String(args.file_id ?? ''));
		if (!file) throw badRequest('invalid file_id');
		if (file.file_size > (this.options.getFileLimitBytes ?? GETFILE_LIMIT))
			throw badRequest('file is too big');
		return {
			file_id: file.file_id,
			file_unique_id: file.file_unique_id,
			file_size: file.file_size,
			file_path: file.file_path,
		};
	}

	private download(request: RecordedRequest): FakeResponse {
		if (!this.bots.has(request.params.token ?? ''))
			return failure(new TelegramError(401, 'Unauthorized'));
		const file = [...this.files.values()].find(
			(candidate) => candidate.file_path === request.params.filePath,
		);
		if (!file) return failure(new TelegramError(404, 'Not Found'));
		return {
			status: 200,
			body: file.data,
			headers: { 'content-type': file.mime_type ?? 'application/octet-stream' },
		};
	}

	private setWebhook(bot: BotState, args: Record<string, unknown>): FakeResponse {
		const url = String(args.url ?? '');
		if (url === '') return this.deleteWebhook(bot, args);
		if (!/^https?:\/\//i.test(url)) throw badRequest('invalid webhook URL specified');
		if (
			this.options.requireHttpsWebhook &&
			!/^https:\/\/[^/:]+(:(443|80|88|8443))?(\/|$)/i.test(url)
		) {
			throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
		}
		const secret =
			args.secret_token === undefined || args.secret_token === ''
				? undefined
				: String(args.secret_token);
		if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
			throw badRequest('secret token contains unallowed characters');
		}
		let allowed = args.allowed_updates as unknown;
		if (allowed !== undefined && !Array.isArray(allowed))
			throw badRequest("can't parse allowed updates JSON object");
		// Omitted allowed_updates keeps the previous setting; an empty list means all.
		allowed = allowed ?? bot.webhook?.allowed_updates ?? bot.allowedUpdates;
		const same =
			bot.webhook?.url === url &&
			bot.webhook.secret_token === secret &&
			JSON.stringify(bot.webhook.allowed_updates) === JSON.stringify(allowed);
		if (flag(args.drop_pending_updates)) bot.queue.length = 0;
		bot.webhook = {
			url,
			secret_token: secret,
			allowed_updates: allowed as string[] | undefined,
			max_connections: optionalNumber(args.max_connections) ?? 40,
			ip_address: args.ip_address === undefined ? undefined : String(args.ip_address),
		};
		bot.poller?.wake(failure(new TelegramError(409, 'Conflict: terminated by setWebhook request')));
		void this.deliverQueue(bot);
		return ok(true, same ? 'Webhook is already set' : 'Webhook was set');
	}

	private deleteWebhook(bot: BotState, args: Record<string, unknown>): FakeResponse {
		const had = bot.webhook !== undefined;
		if (had) bot.allowedUpdates = bot.webhook?.allowed_updates;
		bot.webhook = undefined;
		if (flag(args.drop_pending_updates)) bot.queue.length = 0;
		return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
	}

	private webhookInfo(bot: BotState): Record<string, unknown> {
		const info: Record<string, unknown> = {
			url: bot.webhook?.url ?? '',
			has_custom_certificate: false,
			pending_update_count: bot.queue.length,
		};
		const webhook = bot.webhook;
		if (webhook) {
			info.max_connections = webhook.max_connections;
			if (webhook.ip_address) info.ip_address = webhook.ip_address;
			if (webhook.allowed_updates) info.allowed_updates = webhook.allowed_updates;
			if (webhook.last_error_date) {
				info.last_error_date = webhook.last_error_date;
				info.last_error_message = webhook.last_error_message;
			}
		}
		return info;
	}

	private async getUpdates(
		bot: BotState,
		args: Record<string, unknown>,
		signal: AbortSignal,
	): Promise<FakeResponse> {
		if (bot.poller) this.overlappingPolls.push({ token: bot.token, at: Date.now() });
		if (bot.webhook) {
			throw new TelegramError(
				409,
				"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
			);
		}
		const offset = optionalNumber(args.offset);
		if (offset !== undefined && offset > 0) {
			bot.queue = bot.queue.filter((entry) => (entry.update.update_id ?? 0) >= offset);
		} else if (offset !== undefined && offset < 0) {
			bot.queue = bot.queue.slice(offset);
		}
		if (Array.isArray(args.allowed_updates)) bot.allowedUpdates = args.allowed_updates.map(String);
		const limit = Math.min(100, Math.max(1, optionalNumber(args.limit) ?? 100));
		const timeoutSeconds = Math.max(0, optionalNumber(args.timeout) ?? 0);
		const available = (): TelegramUpdate[] => {
			const allowed = bot.allowedUpdates;
			if (allowed && allowed.length > 0) {
				bot.queue = bot.queue.filter((entry) => allowed.includes(updateType(entry.update)));
			}
			return bot.queue.slice(0, limit).map((entry) => entry.update);
		};
		const now = available();
		if (now.length > 0 || timeoutSeconds === 0) return ok(now);

		// Long poll: a newer getUpdates terminates this one with 409, as Telegram does.
		bot.poller?.wake(
			failure(
				new TelegramError(
					409,
					'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
				),
			),
		);
		return await new Promise<FakeResponse>((resolve) => {
			const poller: Poller = {
				wake: (response) => {
					clearTimeout(timer);
					signal.removeEventListener('abort', onAbort);
					if (bot.poller === poller) bot.poller = undefined;
					resolve(response ?? ok(available()));
				},
			};
			const onAbort = (): void => poller.wake(ok([]));
			const timer = this.later(timeoutSeconds * 1000, () => poller.wake());
			signal.addEventListener('abort', onAbort);
			bot.poller = poller;
		});
	}

	private rememberMessage(bot: BotState, update: TelegramUpdate): void {
		const message = (update.message ?? update.edited_message ?? update.channel_post) as
			| { message_id?: number; chat?: { id?: number } }
			| undefined;
		if (message?.chat?.id !== undefined && message.message_id !== undefined) {
			bot.messages.set(
				`${message.chat.id}|${message.message_id}`,
				message as Record<string, unknown>,
			);
		}
	}

	/** Delivers queued updates one at a time, in order, like Telegram with max_connections 1. */
	private async deliverQueue(bot: BotState): Promise<void> {
		if (bot.delivering) return;
		bot.delivering = true;
		try {
			while (bot.webhook && bot.queue.length > 0) {
				const entry = bot.queue[0];
				const webhook = bot.webhook;
				const headers: Record<string, string> = {};
				if (webhook.secret_token) headers['X-Telegram-Bot-Api-Secret-Token'] = webhook.secret_token;
				const delivery: TelegramWebhookDelivery = {
					token: bot.token,
					updateId: entry.update.update_id ?? 0,
					url: webhook.url,
					secretHeader: webhook.secret_token,
					at: Date.now(),
				};
				try {
					const answer = await deliverWebhook(webhook.url, entry.update, headers, {
						timeoutMs: 10_000,
					});
					delivery.status = answer.status;
					if (answer.status >= 300)
						delivery.error = `Wrong response from the webhook: ${answer.status}`;
				} catch (error) {
					delivery.error = `Connection refused: ${(error as Error).message}`;
				}
				this.webhookDeliveries.push(delivery);
				if (this.webhookDeliveries.length > 1000) this.webhookDeliveries.shift();
				this.events.emit('delivery', delivery);
				if (delivery.error === undefined) {
					if (bot.queue[0] === entry) bot.queue.shift();
					continue;
				}
				webhook.last_error_date = Math.floor(Date.now() / 1000);
				webhook.last_error_message = delivery.error;
				entry.attempts++;
				if (entry.attempts >= (this.options.maxWebhookAttempts ?? 100)) {
					if (bot.queue[0] === entry) bot.queue.shift();
					continue;
				}
				await new Promise<void>((resolve) =>
					this.later(this.options.webhookRetryMs ?? 300, resolve),
				);
			}
		} finally {
			bot.delivering = false;
		}
	}
}
