import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import {
	apiRequest,
	defaultErrorDescription,
	providerResponseOf,
	type ApiRequest,
	type ErrorDescription,
	type ProviderProfile,
	type ProviderResponse,
	type RateLimit,
	type RequestContext,
	type RetryPolicy,
} from '../shared';

export const TELEGRAM_CREDENTIAL = 'omnichannelTelegramBotApi';

/** Telegram's own limits (core.telegram.org/bots/api, /bots/faq). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT_BYTES = 64;
export const DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * Send pacing, per n8n process (workers do not share it): Telegram's own numbers, about 1 message
 * per second per chat, 20 per minute per group and 30 per second per bot. No margin is needed
 * below them: the limiter counts each send's slot from when its answer came back, so however slow
 * a request is, no two sends can reach Telegram closer than the limit (nodes/shared/transport/
 * rateLimiter.ts). Several processes sending for the same bot can still exceed it: Telegram then
 * answers 429 with retry_after, which the transport waits out.
 */
export const PACING = {
	perBot: { requests: 30, intervalMs: 1_000 },
	perChat: { requests: 1, intervalMs: 1_000 },
	perGroup: { requests: 20, intervalMs: 60_000 },
} satisfies Record<string, RateLimit>;

/** The Bot API envelope: `{ ok, result }` or `{ ok: false, error_code, description, parameters }`. */
export interface TelegramEnvelope<T = unknown> {
	ok: boolean;
	result?: T;
	error_code?: number;
	description?: string;
	parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const HINTS: Array<[RegExp, string]> = [
	[
		/chat not found/i,
		'Check the chat id: the bot must be a member of the chat, or the user must have started the bot.',
	],
	[
		/bot was blocked by the user/i,
		'The user blocked the bot; nothing can be sent until they unblock it.',
	],
	[/user is deactivated/i, 'The Telegram account was deleted.'],
	[/not enough rights|have no rights/i, 'Give the bot the needed admin rights in the chat.'],
	[
		/can't parse entities|can't find end of/i,
		'The text does not match its Parse Mode: fix the markup or set Parse Mode to None.',
	],
	[/message is not modified/i, 'The new text and buttons are the same as the current ones.'],
	[
		/message to edit not found|message to delete not found|message can't be/i,
		'Check the message id, and that the message is less than 48 hours old.',
	],
	[/BUTTON_DATA_INVALID/i, 'Callback data must be 1–64 bytes.'],
	[
		/query is too old|query ID is invalid/i,
		'Answer callback queries within about 15 seconds of the button press.',
	],
	[
		/webhook is active/i,
		'A webhook is set for this bot: turn on "Take Over Existing Webhook" or remove the other webhook.',
	],
	[
		/terminated by other getUpdates/i,
		'Another program (or another workflow) is polling this bot: only one may poll at a time.',
	],
	[
		/Unauthorized|Not Found/i,
		'Check the Access Token (from @BotFather) and the Base URL of the credential.',
	],
	[
		/HTTPS url must be provided|bad webhook/i,
		'Telegram needs a public HTTPS webhook URL on port 443, 80, 88 or 8443 (set WEBHOOK_URL in n8n), or use the long-polling trigger.',
	],
	[
		/file is too big/i,
		'Bots can download files up to 20 MB through the cloud Bot API (a local Bot API server lifts this).',
	],
];

function envelope(body: unknown): TelegramEnvelope | undefined {
	return body && typeof body === 'object' && 'ok' in body ? (body as TelegramEnvelope) : undefined;
}

function describe(response: ProviderResponse): ErrorDescription {
	const answer = envelope(response.body);
	if (!answer?.description) return defaultErrorDescription(response);
	const hint = HINTS.find(([pattern]) => pattern.test(answer.description ?? ''))?.[1];
	return { message: answer.description, hint };
}

export const telegramProfile: ProviderProfile = {
	displayName: 'Telegram',
	credentialType: TELEGRAM_CREDENTIAL,
	describeError: describe,
	// Telegram answers errors with a 4xx, but a proxy or local server could say ok:false with 200.
	bodyError: (response) => (envelope(response.body)?.ok === false ? describe(response) : undefined),
};

/** What a call does, which decides its retries and its pacing. */
export type CallKind =
	/** Reads and idempotent calls (getMe, getFile, getWebhookInfo, setWebhook…): retried. */
	| 'read'
	/** Creates a message: never repeated after it may have arrived; paced per chat and per bot. */
	| 'send'
	/** Changes something without creating a message (edit, delete, chat action, answer). */
	| 'write';

export interface TelegramCall {
	method: string;
	body?: IDataObject | FormData;
	kind: CallKind;
	/** Bot and chat for the pacing buckets of sends and writes. */
	botId?: string;
	chatId?: string;
	itemIndex?: number;
	abortSignal?: AbortSignal;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
}

function pacingFor(call: TelegramCall): ApiRequest['rateLimits'] {
	if (call.kind === 'read' || !call.botId) return undefined;
	const limits: NonNullable<ApiRequest['rateLimits']> = [
		{ ...PACING.perBot, key: `telegram:${call.botId}` },
	];
	if (call.kind === 'send' && call.chatId) {
		limits.push({ ...PACING.perChat, key: `telegram:${call.botId}:${call.chatId}` });
		// Groups, supergroups and channels have negative ids (or an @username).
		if (call.chatId.startsWith('-') || call.chatId.startsWith('@')) {
			limits.push({ ...PACING.perGroup, key: `telegram:${call.botId}:${call.chatId}:minute` });
		}
	}
	return limits;
}

/** One Bot API method call; resolves to its `result`. */
export async function telegramRequest<T = unknown>(
	context: RequestContext,
	call: TelegramCall,
): Promise<T> {
	const answer = (await apiRequest.call(context, telegramProfile, {
		method: 'POST',
		url: `/${call.method}`,
		body: call.body,
		idempotent: call.kind === 'read',
		rateLimits: pacingFor(call),
		itemIndex: call.itemIndex,
		abortSignal: call.abortSignal,
		timeoutMs: call.timeoutMs,
		retry: call.retry,
	})) as TelegramEnvelope<T>;
	return answer.result as T;
}

/** Downloads `<base>/file/bot<token>/<filePath>` as bytes. */
export async function telegramDownload(
	context: RequestContext,
	filePath: string,
	options: { itemIndex?: number; abortSignal?: AbortSignal } = {},
): Promise<Buffer> {
	const body = await apiRequest.call(context, telegramProfile, {
		method: 'GET',
		url: `/file/${filePath.split('/').map(encodeURIComponent).join('/')}`,
		binary: true,
		idempotent: true,
		itemIndex: options.itemIndex,
		abortSignal: options.abortSignal,
	});
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(String(body ?? ''), 'binary');
}

/** Telegram's error envelope inside an error the transport raised, if it is one. */
export function telegramErrorOf(error: unknown): TelegramEnvelope | undefined {
	return envelope(providerResponseOf(error)?.body);
}

/** The number before ':' in a bot token: the bot's own user id, part of every conversation key. */
export function botIdFromToken(node: INode, token: unknown): string {
	const match = /^(\d+):[A-Za-z0-9_-]+$/.exec(String(token ?? '').trim());
	if (!match) {
		throw new NodeOperationError(node, 'The Access Token does not look like a bot token', {
			description: 'A bot token has the form 123456789:AA… Copy it again from @BotFather.',
		});
	}
	return match[1];
}

/** The credential's token and bot id, for conversation keys and webhook secrets. */
export async function botIdentity(context: {
	getCredentials(type: string): Promise<IDataObject>;
	getNode(): INode;
}): Promise<{ token: string; botId: string }> {
	const credentials = await context.getCredentials(TELEGRAM_CREDENTIAL);
	const token = String(credentials.accessToken ?? '').trim();
	return { token, botId: botIdFromToken(context.getNode(), token) };
}
