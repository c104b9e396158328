/**
 * Fake Selarti AI "task" API (api-reference §1).
 *
 * Follows what is documented or seen in third-party code:
 * - Bubble-style workflow endpoints under /api/1.1/wf/<name> with the
 *   {"status":"success","response":{…}} envelope;
 * - POST /api/1.1/wf/auth {"key"} → response.token, then `Authorization: Bearer <token>` on
 *   every other /wf/ call;
 * - POST /api/1.1/wf/add_target {task, target}.
 * Inferred (not published; check against a live account):
 * - the error shape. Bubble's workflow API answers errors as {"statusCode":N,"body":{"status",
 *   "message"}}; we add a top-level "message" too, so the fake answers
 *   {"statusCode":N,"message":…,"body":{"status":…,"message":…}} (401 for a wrong key or token,
 *   400 for bad parameters);
 * - the send-message path and fields: default /api/1.1/wf/send_message with JSON
 *   {task_id, chat_id, text, …contact fields}; the path is configurable;
 * - the send answer (response.message_id / thread_id), token lifetime (never, unless
 *   expireTokens() or tokenTtlMs), and the "All messages" webhook body (fields from the
 *   manual, values and types guessed, quirks switchable).
 */
import { randomBytes } from 'node:crypto';

import { deliverWebhook, type WebhookDelivery } from './deliver-webhook';
import {
	FakeServer,
	type FakeResponse,
	type FakeServerOptions,
	type RecordedRequest,
} from './fake-server';

export interface SelartiFakeOptions extends FakeServerOptions {
	/** API keys accepted by /wf/auth (default ["test-selarti-key"]). */
	apiKeys?: string[];
	/** Known task ids (default ["task-1"]). */
	tasks?: string[];
	/** Path of the send-message endpoint (default "/api/1.1/wf/send_message"). */
	sendMessagePath?: string;
	/** Longest chat_id accepted (default 255). */
	chatIdMaxLength?: number;
	/** Tokens stop working this long after being issued (default: never). */
	tokenTtlMs?: number;
	/** After each accepted send, deliver an AI reply webhook to this URL. */
	onSendReplyTo?: string;
	/** Text of the automatic reply (default `AI: <user text>`). */
	replyText?: (userText: string) => string;
	/** Wait this long after answering the send before delivering the reply (default 50 ms). */
	replyDelayMs?: number;
}

export interface SelartiSentMessage {
	task_id: string;
	chat_id: string;
	text: string;
	/** Every field sent, including contact fields. */
	fields: Record<string, unknown>;
	message_id: string;
	thread_id: string;
}

/** How the provider spells booleans and ids in a webhook (it is not consistent). */
export interface SelartiWebhookQuirks {
	booleans?: 'boolean' | 'string' | 'yesno' | 'number';
	ids?: 'string' | 'number';
}

export type SelartiWebhookBody = Record<string, unknown>;

const BOOLEAN_FIELDS = [
	'close',
	'get_contact',
	'interest',
	'is_bot',
	'operator',
	'success',
] as const;
const NUMERIC_ID_FIELDS = ['channel_id', 'company_id', 'manager_id', 'message_id'] as const;

/** A Bubble-style unique id: milliseconds, "x", 18 digits. */
export function bubbleId(): string {
	const digits = Array.from(randomBytes(18), (byte) => String(byte % 10)).join('');
	return `${Date.now()}x${digits}`;
}

function spellBoolean(value: boolean, style: SelartiWebhookQuirks['booleans']): unknown {
	switch (style) {
		case 'string':
			return value ? 'true' : 'false';
		case 'yesno':
			return value ? 'yes' : 'no';
		case 'number':
			return value ? 1 : 0;
		default:
			return value;
	}
}

/** Default message ids count up, so no two bodies built in one test run share one (dedupe would drop it). */
let nextMessageId = 900_000 + Math.floor(Math.random() * 99_999);

/**
 * A realistic "All messages" integration webhook body: an AI (bot) reply by default. Fields in
 * `overrides` replace the defaults verbatim (after quirks), so a test can send any odd value.
 */
export function buildAiWebhook(
	overrides: Partial<SelartiWebhookBody> = {},
	quirks: SelartiWebhookQuirks = {},
): SelartiWebhookBody {
	const flags: Record<(typeof BOOLEAN_FIELDS)[number], boolean> = {
		close: false,
		get_contact: false,
		interest: false,
		is_bot: true,
		operator: false,
		success: false,
	};
	const ids: Record<(typeof NUMERIC_ID_FIELDS)[number], number> = {
		channel_id: 4101,
		company_id: 2077,
		manager_id: 3150,
		message_id: nextMessageId++,
	};
	const threadId = bubbleId();
	const body: SelartiWebhookBody = {
		wh_type: 'all_messages',
		task_id: 'task-1',
		external_chat_id: 'telegram:123456789:987654321',
		thread_id: threadId,
		message_type: 'bot',
		message_text: 'Hello! How can I help you?',
		title: 'Dialog with Ivan',
		contacts: '',
		panel_url: `https://selarti.com/panel/dialogs/${threadId}`,
		share_url: `https://selarti.com/share/${threadId}`,
	};
	for (const field of BOOLEAN_FIELDS) body[field] = spellBoolean(flags[field], quirks.booleans);
	for (const field of NUMERIC_ID_FIELDS)
		body[field] = quirks.ids === 'string' ? String(ids[field]) : ids[field];
	return { ...body, ...overrides };
}

/** POSTs a Selarti-shaped webhook (built from `fields`) to `url`. Selarti signs nothing. */
export async function deliverAiWebhook(
	url: string,
	fields: Partial<SelartiWebhookBody> = {},
	quirks: SelartiWebhookQuirks = {},
): Promise<WebhookDelivery & { sent: SelartiWebhookBody }> {
	const sent = buildAiWebhook(fields, quirks);
	return { ...(await deliverWebhook(url, sent)), sent };
}

function bubbleError(status: number, code: string, message: string): FakeResponse {
	return { status, json: { statusCode: status, message, body: { status: code, message } } };
}

function success(response: Record<string, unknown>): FakeResponse {
	return { status: 200, json: { status: 'success', response } };
}

export class FakeSelarti extends FakeServer {
	readonly sent: SelartiSentMessage[] = [];
	readonly targets: Array<{ task: string; target: string }> = [];
	/** Automatic reply deliveries, in order (each resolves when n8n has answered). */
	readonly replyDeliveries: Array<Promise<WebhookDelivery | Error>> = [];
	/** How many tokens /wf/auth has issued (a refresh shows up as one more). */
	tokensIssued = 0;
	/** Every session token issued since start (never cleared), so tests can look for leaks. */
	readonly issuedTokens: string[] = [];
	private tokens = new Map<string, number>();
	readonly options: SelartiFakeOptions;

	constructor(options: SelartiFakeOptions = {}) {
		super(options);
		this.options = { ...options };
		// Registered first so the specific routes below win (later routes take precedence).
		// Any other workflow: authenticated, and Bubble's answer for an unknown workflow.
		this.route('*', /^\/api\/1\.1\/wf\/[^/]+$/, (request) =>
			this.withToken(request, () =>
				bubbleError(404, 'NOT_FOUND', `Workflow not found ${request.path.split('/').pop() ?? ''}`),
			),
		);
		this.route('POST', '/api/1.1/wf/auth', (request) => this.auth(request));
		this.route('POST', '/api/1.1/wf/add_target', (request) =>
			this.withToken(request, () => this.addTarget(request)),
		);
		this.route('POST', this.sendPath, (request) =>
			this.withToken(request, () => this.sendMessage(request)),
		);
	}

	get sendPath(): string {
		return this.options.sendMessagePath ?? '/api/1.1/wf/send_message';
	}

	/** Base URL the credential uses ("<url>/api/1.1"). */
	get apiBaseUrl(): string {
		return `${this.url}/api/1.1`;
	}

	get apiKeys(): string[] {
		return this.options.apiKeys ?? ['test-selarti-key'];
	}

	get tasks(): string[] {
		return this.options.tasks ?? ['task-1'];
	}

	/** Every token issued so far stops working (n8n must fetch a new one). */
	expireTokens(): void {
		this.tokens.clear();
	}

	/** Turns the automatic AI reply on (url) or off (undefined). */
	setAutoReply(url: string | undefined, replyText?: (userText: string) => string): void {
		this.options.onSendReplyTo = url;
		if (replyText) this.options.replyText = replyText;
	}

	override reset(): void {
		super.reset();
		this.sent.length = 0;
		this.targets.length = 0;
		this.replyDeliveries.length = 0;
		this.tokens.clear();
		this.tokensIssued = 0;
	}

	protected override notFound(request: RecordedRequest): FakeResponse {
		return bubbleError(404, 'NOT_FOUND', `Not found: ${request.path}`);
	}

	private auth(request: RecordedRequest): FakeResponse {
		const key = (request.body as { key?: unknown } | undefined)?.key;
		if (typeof key !== 'string' || key === '') {
			return bubbleError(400, 'MISSING_DATA', 'Missing parameter for workflow auth: parameter key');
		}
		if (!this.apiKeys.includes(key)) return bubbleError(401, 'UNAUTHORIZED', 'Invalid API key');
		const token = randomBytes(24).toString('hex');
		this.tokens.set(token, Date.now());
		this.issuedTokens.push(token);
		this.tokensIssued++;
		return success({ token });
	}

	private withToken(request: RecordedRequest, handler: () => FakeResponse): FakeResponse {
		const header = request.headers.authorization ?? '';
		const match = /^Bearer\s+(.+)$/i.exec(header);
		const issuedAt = match ? this.tokens.get(match[1].trim()) : undefined;
		const ttl = this.options.tokenTtlMs;
		if (issuedAt === undefined || (ttl !== undefined && Date.now() - issuedAt > ttl)) {
			return bubbleError(
				401,
				'UNAUTHORIZED',
				match ? 'Token is invalid or expired' : 'Authorization header missing',
			);
		}
		return handler();
	}

	private addTarget(request: RecordedRequest): FakeResponse {
		const { task, target } = (request.body ?? {}) as { task?: unknown; target?: unknown };
		if (task === undefined || task === '') {
			return bubbleError(
				400,
				'MISSING_DATA',
				'Missing parameter for workflow add_target: parameter task',
			);
		}
		if (target === undefined || target === '') {
			return bubbleError(
				400,
				'MISSING_DATA',
				'Missing parameter for workflow add_target: parameter target',
			);
		}
		if (!this.tasks.includes(String(task)))
			return bubbleError(400, 'INVALID_DATA', `Task not found: ${String(task)}`);
		this.targets.push({ task: String(task), target: String(target) });
		return success({ added: true });
	}

	private sendMessage(request: RecordedRequest): FakeResponse {
		const fields = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
			string,
			unknown
		>;
		const name = this.sendPath.split('/').pop() ?? 'send_message';
		for (const required of ['task_id', 'chat_id', 'text']) {
			const value = fields[required];
			if (value === undefined || value === null || value === '') {
				return bubbleError(
					400,
					'MISSING_DATA',
					`Missing parameter for workflow ${name}: parameter ${required}`,
				);
			}
		}
		const taskId = String(fields.task_id);
		const chatId = String(fields.chat_id);
		if (!this.tasks.includes(taskId))
			return bubbleError(400, 'INVALID_DATA', `Task not found: ${taskId}`);
		const maxLength = this.options.chatIdMaxLength ?? 255;
		if (chatId.length > maxLength) {
			return bubbleError(
				400,
				'INVALID_DATA',
				`chat_id is too long (${chatId.length} > ${maxLength} characters)`,
			);
		}
		const previous = this.sent.find(
			(message) => message.chat_id === chatId && message.task_id === taskId,
		);
		const message: SelartiSentMessage = {
			task_id: taskId,
			chat_id: chatId,
			text: String(fields.text),
			fields,
			message_id: bubbleId(),
			thread_id: previous?.thread_id ?? bubbleId(),
		};
		this.sent.push(message);
		this.scheduleReply(message);
		return success({ message_id: message.message_id, thread_id: message.thread_id });
	}

	private scheduleReply(message: SelartiSentMessage): void {
		const url = this.options.onSendReplyTo;
		if (!url) return;
		const text = (this.options.replyText ?? ((userText) => `AI: ${userText}`))(message.text);
		const delivery = new Promise<WebhookDelivery | Error>((resolve) => {
			setTimeout(() => {
				deliverWebhook(
					url,
					buildAiWebhook({
						task_id: message.task_id,
						external_chat_id: message.chat_id,
						thread_id: message.thread_id,
						message_text: text,
						message_type: 'bot',
						is_bot: true,
					}),
				).then(resolve, (error: Error) => resolve(error));
			}, this.options.replyDelayMs ?? 50);
		});
		this.replyDeliveries.push(delivery);
	}
}
