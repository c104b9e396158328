/**
 * Fake Wazzup API v3 (api-reference §3).
 *
 * Documented and followed:
 * - every call needs `Authorization: Bearer <apiKey>`; a bad or missing key is 401 (§3.1);
 * - a "sidecar" key (Wazzup's own amoCRM/Bitrix24 integration) reaches only channels, message
 *   sending, webhook settings and templates; anything else answers 403 (§3.1);
 * - 500 requests per 5 seconds, then 429 (§3.1);
 * - POST /v3/message with its fields and refusals (§3.2, see wazzup-messages.ts), answering 201
 *   {messageId, chatId}; PATCH / DELETE /v3/message/{id}, refused on WABA (§3.2);
 * - crmMessageId: a repeat inside ~60 s is refused with 400 REPEATED_CRM_MESSAGE_ID and is not
 *   sent again (§3.2; the live-observed spelling, the docs say repeatedCrmMessageId);
 * - GET /v3/channels: [{channelId, transport, plainId, state, name}] (§3.3);
 * - PATCH /v3/webhooks first POSTs {"test": true} to the URL and fails unless it answers 200;
 *   GET /v3/webhooks reports the template switch as wabaTemplatesStatus; one URL per account
 *   (§3.4). Deliveries are JSON POSTs with the documented `charset-utf-8` content type and an
 *   Authorization header only when a crmKey is configured (§3.4).
 * NOT FOUND in §3, defaults chosen (check against a live account):
 * - error codes other than REPEATED_CRM_MESSAGE_ID and the status of send refusals (400);
 * - 401 / 403 / 429 bodies: {error, description} like other errors (§3.1 allows an empty body);
 * - the 429 wait: §3.1 says the counter resets every 5 s; the fake adds Retry-After (seconds
 *   until the window frees) and data.retryAfterSeconds, counting per Authorization header
 *   (the limiter runs before the key check, FakeServer's order) in a sliding window;
 * - the edit / delete answers (200 {ok: true}) and an unknown message id (404);
 * - GET /v3/webhooks before any PATCH: {webhooksUri: null, subscriptions all false};
 * - templates: GET /v3/templates/* answers the `templates` option (no path or shape in §3);
 * - crmUserId with a sidecar key (§3.2 "not with sidecar key"): accepted and dropped.
 * `repeatedCrmMessageId: 'returnFirst'` makes a repeat answer 201 with the first messageId
 * instead of the documented refusal, for clients written against that assumption.
 */
import { randomUUID } from 'node:crypto';

import { deliverWebhook, type WebhookDelivery } from './deliver-webhook';
import {
	FakeServer,
	type FakeResponse,
	type FakeServerOptions,
	type RecordedRequest,
} from './fake-server';
import { validateSend, wazzupError, type WazzupChannel } from './wazzup-messages';
import {
	buildWazzupEcho,
	buildWazzupWebhook,
	subscriptionFor,
	type WazzupSubscription,
	type WazzupWebhookBody,
} from './wazzup-webhooks';

export * from './wazzup-messages';
export * from './wazzup-webhooks';

export const DEFAULT_WAZZUP_KEY = 'test-wazzup-key';

/** Default channels: one per common transport, plus one that cannot send. */
export const DEFAULT_WAZZUP_CHANNELS: WazzupChannel[] = [
	{
		channelId: '1b3a5c7e-0000-4000-8000-000000000001',
		transport: 'whatsapp',
		plainId: '79990001122',
		state: 'active',
		name: 'Sales WhatsApp',
	},
	{
		channelId: '1b3a5c7e-0000-4000-8000-000000000002',
		transport: 'wapi',
		plainId: '79990003344',
		state: 'active',
		name: 'WABA',
	},
	{
		channelId: '1b3a5c7e-0000-4000-8000-000000000003',
		transport: 'telegram',
		plainId: 'shop_bot',
		state: 'active',
		name: 'Telegram bot',
	},
	{
		channelId: '1b3a5c7e-0000-4000-8000-000000000004',
		transport: 'instagram',
		plainId: 'shop.insta',
		state: 'qr',
		name: 'Instagram (needs QR)',
	},
];

export interface WazzupFakeOptions extends FakeServerOptions {
	/** Full keys (default [DEFAULT_WAZZUP_KEY]). */
	apiKeys?: string[];
	/** Sidecar keys: channels, message, webhooks and templates only (§3.1). */
	sidecarKeys?: string[];
	/** Default DEFAULT_WAZZUP_CHANNELS. */
	channels?: WazzupChannel[];
	/** Requests per key and window (default 500 per 5000 ms, §3.1); false: no limit. */
	rateLimit?: { limit: number; windowMs: number } | false;
	/** How long a crmMessageId is remembered (default 60 000 ms, §3.2 "~60 s"). */
	crmMessageIdWindowMs?: number;
	/** 'refuse' (default, documented) or 'returnFirst' (201 with the first messageId). */
	repeatedCrmMessageId?: 'refuse' | 'returnFirst';
	/** When set, deliveries carry `Authorization: Bearer <crmKey>` (§3.4). */
	crmKey?: string;
	/** Timeout of the {test:true} probe (default 30 000 ms, §3.4 "200 within 30 s"). */
	webhookProbeTimeoutMs?: number;
	/** After each accepted send, deliver its isEcho:true copy to the subscribed URL. */
	echoSends?: boolean;
	/** Answer of GET /v3/templates/* (default []). */
	templates?: unknown[];
}

export interface WazzupSentMessage {
	messageId: string;
	channelId: string;
	chatType: string;
	chatId: string;
	text?: string;
	contentUri?: string;
	crmMessageId?: string;
	/** The request body as sent. */
	body: Record<string, unknown>;
	apiKey: string;
	sidecar: boolean;
	isEdited: boolean;
	isDeleted: boolean;
	/** Earlier texts, oldest first, when edited. */
	oldTexts: string[];
}

export interface WazzupWebhookSettings {
	webhooksUri: string | null;
	subscriptions: Record<WazzupSubscription, boolean>;
}

const SIDECAR_PREFIXES = ['/v3/channels', '/v3/message', '/v3/webhooks', '/v3/templates'];

/** §3.4: Wazzup really spells it this way. */
const DELIVERY_CONTENT_TYPE = 'application/json; charset-utf-8';

const noSubscriptions = (): WazzupWebhookSettings['subscriptions'] => ({
	messagesAndStatuses: false,
	contactsAndDealsCreation: false,
	channelsUpdates: false,
	templateStatus: false,
});

const objectBody = (request: RecordedRequest): Record<string, unknown> =>
	(request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;

export class FakeWazzup extends FakeServer {
	readonly sent: WazzupSentMessage[] = [];
	/**
	 * Every {test:true} probe made by PATCH /v3/webhooks: the receiver's answer, or the network
	 * error's message (a plain object: node's errors are not `instanceof Error` under jest).
	 */
	readonly probes: Array<{ url: string; result: WebhookDelivery | { error: string } }> = [];
	/** Echo deliveries (echoSends), in order. */
	readonly echoDeliveries: Array<Promise<WebhookDelivery | Error>> = [];
	channels: WazzupChannel[] = [];
	/** Contacts, deals and users by id. */
	readonly crm = {
		contacts: new Map<string, Record<string, unknown>>(),
		deals: new Map<string, Record<string, unknown>>(),
		users: new Map<string, Record<string, unknown>>(),
	};
	/** Unanswered counters by CRM user id. */
	readonly unanswered = new Map<string, number>();
	webhooks: WazzupWebhookSettings = { webhooksUri: null, subscriptions: noSubscriptions() };
	/**
	 * Picks a fault for every accepted send (after the queued failAfterSend ones): the benchmark's
	 * random 5xx and dropped connections after Wazzup already took the message.
	 */
	afterSendFaultPicker?: () => '5xx' | 'drop' | undefined;
	/** Faults that strike after a send was accepted (see failAfterSend). */
	private afterSendFaults: Array<'5xx' | 'drop'> = [];
	private crmMessageIds = new Map<string, { message: WazzupSentMessage; at: number }>();
	readonly options: WazzupFakeOptions;

	constructor(options: WazzupFakeOptions = {}) {
		super(options);
		this.options = { ...options };
		this.channels = this.initialChannels();
		// Registered first so the specific routes below win. Anything else under /v3: the key is
		// checked, a sidecar key is refused (§3.1), a full key gets 404.
		this.route('*', /^\/v3(\/.*)?$/, (request) =>
			this.withKey(request, () => wazzupError(404, 'NOT_FOUND', `No route ${request.path}`)),
		);
		this.route('GET', /^\/v3\/templates(\/.*)?$/, (request) =>
			this.withKey(request, () => ({ json: this.options.templates ?? [] })),
		);
		this.route('GET', '/v3/channels', (request) =>
			this.withKey(request, () => ({ json: this.channels.map((channel) => ({ ...channel })) })),
		);
		this.route('POST', '/v3/message', (request) =>
			this.withKey(request, (key) => this.sendMessage(request, key)),
		);
		this.route('PATCH', '/v3/message/:id', (request) =>
			this.withKey(request, () => this.edit(request)),
		);
		this.route('DELETE', '/v3/message/:id', (request) =>
			this.withKey(request, () => this.remove(request)),
		);
		this.route('GET', '/v3/webhooks', (request) =>
			this.withKey(request, () => ({ json: this.webhookSettingsAnswer() })),
		);
		this.route('PATCH', '/v3/webhooks', (request) =>
			this.withKey(request, async () => await this.patchWebhooks(request)),
		);
		this.addCrmRoutes();
		this.setRateLimit(options.rateLimit ?? { limit: 500, windowMs: 5000 });
	}

	/**
	 * Contacts, deals and users (create or update by id, ≤100 per request: §3.1
	 * TOO_MANY_ENTITIES), GET /v3/unanswered/:userId and POST /v3/iframe. Their shapes are NOT
	 * FOUND in §3: lists answer {count, data} pages of 100 (users: a plain array), writes 200 with
	 * no body, unanswered {counterV2}, iframe {url}.
	 */
	private addCrmRoutes(): void {
		const entity = (request: RecordedRequest) =>
			this.crm[request.params.entity as keyof FakeWazzup['crm']];
		this.route('POST', /^\/v3\/(?<entity>contacts|deals|users)$/, (request) =>
			this.withKey(request, () => {
				const body = Array.isArray(request.body)
					? (request.body as Array<Record<string, unknown>>)
					: [];
				if (body.length > 100) {
					return wazzupError(400, 'TOO_MANY_ENTITIES', 'At most 100 entities per request');
				}
				const missing = body.findIndex(
					(entry) => !entry || entry.id === undefined || entry.id === '',
				);
				if (body.length === 0 || missing >= 0) {
					return wazzupError(400, 'VALIDATION_ERROR', 'Every entity needs an id', {
						index: missing,
					});
				}
				for (const entry of body) entity(request).set(String(entry.id), { ...entry });
				return { status: 200 };
			}),
		);
		this.route('GET', /^\/v3\/(?<entity>contacts|deals|users)$/, (request) =>
			this.withKey(request, () => {
				const all = [...entity(request).values()];
				if (request.params.entity === 'users') return { json: all };
				const offset = Number(request.query.offset ?? 0) || 0;
				return { json: { count: all.length, data: all.slice(offset, offset + 100) } };
			}),
		);
		this.route('GET', /^\/v3\/(?<entity>contacts|deals|users)\/(?<id>[^/]+)$/, (request) =>
			this.withKey(request, () => {
				const found = entity(request).get(request.params.id);
				return found ? { json: found } : wazzupError(404, 'NOT_FOUND', `No ${request.params.id}`);
			}),
		);
		this.route('DELETE', /^\/v3\/(?<entity>contacts|deals|users)\/(?<id>[^/]+)$/, (request) =>
			this.withKey(request, () =>
				entity(request).delete(request.params.id)
					? { status: 200 }
					: wazzupError(404, 'NOT_FOUND', `No ${request.params.id}`),
			),
		);
		this.route('GET', '/v3/unanswered/:userId', (request) =>
			this.withKey(request, () => ({
				json: { counterV2: this.unanswered.get(request.params.userId) ?? 0 },
			})),
		);
		this.route('POST', '/v3/iframe', (request) =>
			this.withKey(request, () => {
				const body = objectBody(request);
				const user = (body.user ?? {}) as Record<string, unknown>;
				if (!user.id || !user.name) {
					return wazzupError(400, 'VALIDATION_ERROR', 'user.id and user.name are required');
				}
				if (body.scope !== 'global' && body.scope !== 'card') {
					return wazzupError(400, 'VALIDATION_ERROR', 'scope must be global or card');
				}
				return { json: { url: `https://app.wazzup24.com/iframe/${randomUUID()}` } };
			}),
		);
	}

	get apiKeys(): string[] {
		return this.options.apiKeys ?? [DEFAULT_WAZZUP_KEY];
	}

	get sidecarKeys(): string[] {
		return this.options.sidecarKeys ?? [];
	}

	/** Base URL the credential uses ("<url>/v3"). */
	get apiBaseUrl(): string {
		return `${this.url}/v3`;
	}

	/** Replaces the limit (false = none). Refusals: 429 plus the wait (§3.1; wait is our default). */
	setRateLimit(rule: { limit: number; windowMs: number } | false): void {
		this.clearRateLimits();
		this.options.rateLimit = rule;
		if (rule === false) return;
		this.addRateLimit(
			[{ name: 'per-key', ...rule, key: (r) => String(r.headers.authorization ?? '') }],
			(verdict) => ({
				...wazzupError(
					429,
					'TOO_MANY_REQUESTS',
					`More than ${rule.limit} requests per ${rule.windowMs} ms`,
					{ retryAfterSeconds: verdict.retryAfterSeconds },
				),
				headers: { 'retry-after': String(verdict.retryAfterSeconds) },
			}),
			/^\/v3(\/|$)/,
		);
	}

	/**
	 * The next `times` accepted sends are recorded (the message is sent) but the client gets a 502
	 * or a dropped connection instead of the 201: the case where a retry must not send twice.
	 */
	failAfterSend(fault: '5xx' | 'drop', times = 1): this {
		for (let i = 0; i < times; i++) this.afterSendFaults.push(fault);
		return this;
	}

	/** Sent messages (not deleted ones unless asked) to one chat, oldest first. */
	sentTo(chatId: string, options: { includeDeleted?: boolean } = {}): WazzupSentMessage[] {
		return this.sent.filter(
			(message) => message.chatId === chatId && (options.includeDeleted || !message.isDeleted),
		);
	}

	/** Sent messages grouped by chatId. */
	sentByChat(): Map<string, WazzupSentMessage[]> {
		const byChat = new Map<string, WazzupSentMessage[]>();
		for (const message of this.sent) {
			byChat.set(message.chatId, [...(byChat.get(message.chatId) ?? []), message]);
		}
		return byChat;
	}

	/** Changes a channel's state; with notify, delivers the channelsUpdates webhook (§3.4). */
	async setChannelState(
		channelId: string,
		state: string,
		notify = false,
	): Promise<WebhookDelivery | undefined> {
		const channel = this.channels.find((candidate) => candidate.channelId === channelId);
		if (!channel) throw new Error(`Unknown channel ${channelId}`);
		channel.state = state;
		if (!notify) return undefined;
		return await this.deliver(buildWazzupWebhook({ channelsUpdates: [{ channelId, state }] }));
	}

	/**
	 * POSTs a webhook body the way Wazzup does to the subscribed URL (or `url`). Throws when
	 * Wazzup would not send it (no URL, or the body's subscription is off) unless `force`.
	 */
	async deliver(
		body: WazzupWebhookBody,
		options: { url?: string; force?: boolean } = {},
	): Promise<WebhookDelivery & { sent: WazzupWebhookBody }> {
		const url = options.url ?? this.webhooks.webhooksUri;
		if (!url) throw new Error('No webhook URL: PATCH /v3/webhooks first, or pass url');
		const needed = subscriptionFor(body);
		if (!options.force && needed && !this.webhooks.subscriptions[needed]) {
			throw new Error(`Wazzup would not send this: subscription ${needed} is off`);
		}
		return { ...(await deliverWebhook(url, body, this.deliveryHeaders())), sent: body };
	}

	async deliverMessages(...messages: Array<Record<string, unknown>>) {
		return await this.deliver(buildWazzupWebhook({ messages }));
	}

	async deliverStatuses(...statuses: Array<Record<string, unknown>>) {
		return await this.deliver(buildWazzupWebhook({ statuses }));
	}

	async deliverChannelsUpdates(...channelsUpdates: Array<Record<string, unknown>>) {
		return await this.deliver(buildWazzupWebhook({ channelsUpdates }));
	}

	/** Wazzup expects the created contact in the 200 answer (§3.4): read it from `.body`. */
	async deliverCreateContact(createContact: Record<string, unknown>) {
		return await this.deliver(buildWazzupWebhook({ createContact }));
	}

	async deliverCreateDeal(createDeal: Record<string, unknown>) {
		return await this.deliver(buildWazzupWebhook({ createDeal }));
	}

	async deliverTemplateStatus(templateStatus: Record<string, unknown>) {
		return await this.deliver(buildWazzupWebhook({ templateStatus }));
	}

	override reset(): void {
		super.reset();
		this.sent.length = 0;
		this.probes.length = 0;
		this.echoDeliveries.length = 0;
		this.crmMessageIds.clear();
		this.afterSendFaults.length = 0;
		for (const store of Object.values(this.crm)) store.clear();
		this.unanswered.clear();
		this.afterSendFaultPicker = undefined;
		this.channels = this.initialChannels();
		this.webhooks = { webhooksUri: null, subscriptions: noSubscriptions() };
	}

	protected override notFound(request: RecordedRequest): FakeResponse {
		return wazzupError(404, 'NOT_FOUND', `No route ${request.path}`);
	}

	private initialChannels(): WazzupChannel[] {
		return (this.options.channels ?? DEFAULT_WAZZUP_CHANNELS).map((channel) => ({ ...channel }));
	}

	private deliveryHeaders(): Record<string, string> {
		const headers: Record<string, string> = { 'content-type': DELIVERY_CONTENT_TYPE };
		if (this.options.crmKey) headers.authorization = `Bearer ${this.options.crmKey}`;
		return headers;
	}

	private async withKey(
		request: RecordedRequest,
		handler: (key: { apiKey: string; sidecar: boolean }) => FakeResponse | Promise<FakeResponse>,
	): Promise<FakeResponse> {
		const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
		const apiKey = match?.[1].trim() ?? '';
		const sidecar = this.sidecarKeys.includes(apiKey);
		if (!sidecar && !this.apiKeys.includes(apiKey)) {
			return wazzupError(401, 'UNAUTHORIZED', match ? 'Invalid API key' : 'No API key');
		}
		const allowed = SIDECAR_PREFIXES.some(
			(prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
		);
		if (sidecar && !allowed) {
			return wazzupError(403, 'FORBIDDEN', 'This API key has no access to this route');
		}
		return await handler({ apiKey, sidecar });
	}

	private sendMessage(
		request: RecordedRequest,
		key: { apiKey: string; sidecar: boolean },
	): FakeResponse {
		const body = objectBody(request);
		const refusal = validateSend(body, this.channels);
		if (refusal) return refusal;
		const crmMessageId = body.crmMessageId === undefined ? undefined : String(body.crmMessageId);
		const window = this.options.crmMessageIdWindowMs ?? 60_000;
		const earlier = crmMessageId ? this.crmMessageIds.get(crmMessageId) : undefined;
		if (earlier && Date.now() - earlier.at < window) {
			const first = { messageId: earlier.message.messageId, chatId: earlier.message.chatId };
			if (this.options.repeatedCrmMessageId === 'returnFirst') return { status: 201, json: first };
			return wazzupError(
				400,
				'REPEATED_CRM_MESSAGE_ID',
				`crmMessageId ${crmMessageId} was already used`,
				first,
			);
		}
		const recorded = { ...body };
		if (key.sidecar) delete recorded.crmUserId;
		const message: WazzupSentMessage = {
			messageId: randomUUID(),
			channelId: String(body.channelId),
			chatType: String(body.chatType),
			// Telegram by username/phone (§3.2): the fake stands in the username or phone for chatId.
			chatId: String(body.chatId ?? body.username ?? body.phone),
			text: body.text === undefined ? undefined : String(body.text),
			contentUri: body.contentUri === undefined ? undefined : String(body.contentUri),
			crmMessageId,
			body: recorded,
			apiKey: key.apiKey,
			sidecar: key.sidecar,
			isEdited: false,
			isDeleted: false,
			oldTexts: [],
		};
		this.sent.push(message);
		if (crmMessageId) this.crmMessageIds.set(crmMessageId, { message, at: Date.now() });
		if (this.options.echoSends) this.echo(message);
		const fault = this.afterSendFaults.shift() ?? this.afterSendFaultPicker?.();
		if (fault === 'drop') return { dropConnection: true };
		if (fault === '5xx') return wazzupError(502, 'BAD_GATEWAY', 'Upstream timed out');
		return { status: 201, json: { messageId: message.messageId, chatId: message.chatId } };
	}

	private echo(message: WazzupSentMessage): void {
		if (!this.webhooks.webhooksUri || !this.webhooks.subscriptions.messagesAndStatuses) return;
		const echo = buildWazzupEcho({
			messageId: message.messageId,
			channelId: message.channelId,
			chatType: message.chatType,
			chatId: message.chatId,
			type: message.contentUri ? 'document' : 'text',
			text: message.text,
			contentUri: message.contentUri,
			authorId: message.body.crmUserId,
		});
		this.echoDeliveries.push(
			this.deliverMessages(echo).then(
				(delivery) => delivery,
				(error: Error) => error,
			),
		);
	}

	private findMessage(request: RecordedRequest): WazzupSentMessage | FakeResponse {
		const message = this.sent.find((candidate) => candidate.messageId === request.params.id);
		if (!message || message.isDeleted) {
			return wazzupError(404, 'MESSAGE_NOT_FOUND', `Message ${request.params.id} not found`);
		}
		const channel = this.channels.find((candidate) => candidate.channelId === message.channelId);
		// §3.2: edit and delete are not allowed on WABA.
		if (channel?.transport === 'wapi') {
			return wazzupError(400, 'NOT_ALLOWED_FOR_WABA', 'Messages on WABA cannot be changed');
		}
		return message;
	}

	private edit(request: RecordedRequest): FakeResponse {
		const message = this.findMessage(request);
		if (!('messageId' in message)) return message;
		const body = objectBody(request);
		if (typeof body.text !== 'string' || body.text === '') {
			return wazzupError(400, 'VALIDATION_ERROR', 'text is required', { field: 'text' });
		}
		if (message.text !== undefined) message.oldTexts.push(message.text);
		message.text = body.text;
		message.isEdited = true;
		return { status: 200, json: { ok: true } };
	}

	private remove(request: RecordedRequest): FakeResponse {
		const message = this.findMessage(request);
		if (!('messageId' in message)) return message;
		message.isDeleted = true;
		return { status: 200, json: { ok: true } };
	}

	private webhookSettingsAnswer(): Record<string, unknown> {
		const { templateStatus, ...rest } = this.webhooks.subscriptions;
		// §3.4: GET reports the template switch as wabaTemplatesStatus.
		return {
			webhooksUri: this.webhooks.webhooksUri,
			subscriptions: { ...rest, wabaTemplatesStatus: templateStatus },
		};
	}

	private async patchWebhooks(request: RecordedRequest): Promise<FakeResponse> {
		const body = objectBody(request);
		const uri = body.webhooksUri;
		if (uri !== undefined && (typeof uri !== 'string' || !/^https?:\/\//.test(uri))) {
			return wazzupError(400, 'VALIDATION_ERROR', 'webhooksUri must be an http(s) URL', {
				field: 'webhooksUri',
			});
		}
		if (typeof uri === 'string' && uri.length > 200) {
			return wazzupError(400, 'VALIDATION_ERROR', 'webhooksUri is longer than 200 characters', {
				field: 'webhooksUri',
			});
		}
		const url = uri ?? this.webhooks.webhooksUri;
		if (!url) {
			return wazzupError(400, 'VALIDATION_ERROR', 'webhooksUri is required', {
				field: 'webhooksUri',
			});
		}
		const requested = (body.subscriptions ?? {}) as Record<string, unknown>;
		const subscriptions = { ...this.webhooks.subscriptions };
		for (const name of Object.keys(subscriptions) as WazzupSubscription[]) {
			if (typeof requested[name] === 'boolean') subscriptions[name] = requested[name];
		}
		if (typeof requested.wabaTemplatesStatus === 'boolean') {
			subscriptions.templateStatus = requested.wabaTemplatesStatus;
		}
		// §3.4: the URL must answer the probe with 200, or the PATCH fails and nothing changes.
		const result = await deliverWebhook(url, { test: true }, this.deliveryHeaders(), {
			timeoutMs: this.options.webhookProbeTimeoutMs ?? 30_000,
		}).catch((error: Error) => ({ error: error.message }));
		this.probes.push({ url, result });
		if ('error' in result || result.status !== 200) {
			return wazzupError(
				400,
				'WEBHOOKS_REQUEST_NOT_VALID',
				'Webhooks request not valid. Response status must be 200',
				'error' in result ? { reason: result.error } : { status: result.status },
			);
		}
		this.webhooks = { webhooksUri: url, subscriptions };
		return { status: 200, json: { ok: true } };
	}
}
