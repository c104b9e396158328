/**
 * Fake 360dialog WhatsApp Business API (api-reference §4).
 *
 * Documented and followed:
 * - two variants (§4.1): 'cloud' (waba-v2: POST /messages, body needs messaging_product
 *   "whatsapp") and 'onpremise' (waba, also the Sandbox: POST /v1/messages); every call needs
 *   `D360-API-KEY: <key>`, no Bearer;
 * - webhook config (§4.2): POST /v1/configs/webhook {url, headers} echoing {url, headers}, GET
 *   on the same path, same path on both hosts; the stored headers come back on every delivery
 *   (deliverWebhook below sends them);
 * - sending limits and the 24-hour window (§4.4; see dialog360-messages.ts);
 * - media on Cloud (§4.5): POST /media (multipart file + messaging_product), GET /{media-id}
 *   answering a lookaside.fbsbx.com URL that a client re-hosts on 360dialog's host to download
 *   (GET /whatsapp_business/attachments/?mid=…), DELETE /{media-id}; more than 5 failed media
 *   requests in an hour block GET /{media-id} for an hour.
 * NOT FOUND in §4, defaults chosen (check against a live account):
 * - the answer to a wrong or missing key: 401 in the §4.2 {"meta":{…}} shape;
 * - GET of an unset webhook: 200 {"url":""};
 * - the rate limit: 80 sends per second per key (Meta's default throughput), answered 429 with
 *   a Retry-After header and code 130429 (Cloud) / 1015 (On-Premise); tests lower it;
 * - the media-block answer: 429 with the rate-limit code; an unknown media id: 404, code 100;
 * - On-Premise media routes: none (§4.5 documents media for Cloud only);
 * - the rate limiter runs before the key check (FakeServer's order), counting per key header;
 * - the send answer: Meta's {messaging_product, contacts[{input, wa_id}], messages[{id}]} on
 *   Cloud (§4.4, inferred), the same plus On-Premise "meta" on /v1/messages, wamid ids on both;
 * - a delivered template reopens the window (§4.4 says so; Meta's docs say only the user does:
 *   set templateOpensWindow false for that).
 * Webhook URLs on 127.0.0.1 with a port are accepted (360dialog refuses `_` in hosts and explicit
 * ports on Cloud, §4.2); set enforceWebhookUrlRules to get that refusal.
 */
import { createHash, randomBytes } from 'node:crypto';

import { deliverWebhook, type WebhookDelivery } from './deliver-webhook';
import {
	errorResponse,
	metaError,
	validateMessage,
	Dialog360Error,
	type Dialog360Variant,
} from './dialog360-messages';
import { wamid, type Dialog360Webhook } from './dialog360-webhooks';
import {
	FakeServer,
	type FakeResponse,
	type FakeServerOptions,
	type RecordedRequest,
} from './fake-server';

export * from './dialog360-messages';
export * from './dialog360-webhooks';

export const DEFAULT_360DIALOG_KEY = 'test-360dialog-key';

export interface Dialog360FakeOptions extends FakeServerOptions {
	/** Keys accepted in D360-API-KEY (default [DEFAULT_360DIALOG_KEY]); one key = one number. */
	apiKeys?: string[];
	/** Default 'cloud'. */
	variant?: Dialog360Variant;
	/** Sends allowed per key and window (default 80 per 1000 ms); false: no limit. */
	rateLimit?: { limit: number; windowMs: number } | false;
	/** Approved template names; default: any name is accepted. */
	templates?: string[];
	/** Refuse webhook URLs with `_` in the host or an explicit port (Cloud, §4.2). */
	enforceWebhookUrlRules?: boolean;
	/** Whether an accepted template send reopens a closed window (default true, §4.4). */
	templateOpensWindow?: boolean;
	/** Host of the media URLs GET /{media-id} answers (default https://lookaside.fbsbx.com). */
	mediaUrlBase?: string;
}

export interface Dialog360SentMessage {
	id: string;
	to: string;
	type: string;
	/** The request body as sent. */
	body: Record<string, unknown>;
	apiKey: string;
}

export interface Dialog360WebhookConfig {
	url: string;
	headers?: Record<string, string>;
}

export interface Dialog360Media {
	id: string;
	data: Buffer;
	mimeType: string;
	sha256: string;
	filename: string;
	apiKey: string;
}

const MEDIA_BLOCK_MS = 60 * 60 * 1000;

export class FakeDialog360 extends FakeServer {
	readonly sent: Dialog360SentMessage[] = [];
	readonly webhooks = new Map<string, Dialog360WebhookConfig>();
	readonly media = new Map<string, Dialog360Media>();
	/** Message ids marked as read (Cloud: POST /messages {status: "read"}; On-Premise: PUT /v1/messages/{id}). */
	readonly readMarks: string[] = [];
	readonly options: Dialog360FakeOptions;
	private readonly closedWindows = new Set<string>();
	private mediaFailures = new Map<string, number[]>();

	constructor(options: Dialog360FakeOptions = {}) {
		super(options);
		this.options = { ...options };
		this.route('GET', '/v1/configs/webhook', (r) => this.authed(r, (key) => this.getWebhook(key)));
		this.route('POST', '/v1/configs/webhook', (r) =>
			this.authed(r, (key) => this.setWebhook(r, key)),
		);
		this.route('GET', '/v1/configs/templates', (r) => this.authed(r, () => this.listTemplates()));
		this.route('POST', this.sendPath, (r) => this.authed(r, (key) => this.sendMessage(r, key)));
		if (this.variant !== 'cloud')
			this.route('PUT', '/v1/messages/:messageId', (r) =>
				this.authed(r, () =>
					this.markRead(r.params.messageId, (r.json ?? {}) as Record<string, unknown>),
				),
			);
		if (this.variant === 'cloud') {
			this.route('GET', '/:mediaId', (r) => this.authed(r, (key) => this.mediaInfo(r, key)));
			this.route('DELETE', '/:mediaId', (r) => this.authed(r, (key) => this.deleteMedia(r, key)));
			this.route('POST', '/media', (r) => this.authed(r, (key) => this.upload(r, key)));
			this.route('GET', /^\/whatsapp_business\/attachments\/?$/, (r) =>
				this.authed(r, (key) => this.download(r, key)),
			);
		}
		this.setRateLimit(options.rateLimit ?? { limit: 80, windowMs: 1000 });
	}

	get variant(): Dialog360Variant {
		return this.options.variant ?? 'cloud';
	}

	/** POST /messages on Cloud, POST /v1/messages On-Premise and Sandbox (§4.1). */
	get sendPath(): string {
		return this.variant === 'cloud' ? '/messages' : '/v1/messages';
	}

	get apiKeys(): string[] {
		return this.options.apiKeys ?? [DEFAULT_360DIALOG_KEY];
	}

	/** Replaces the send rate limit (per API key); false removes it. */
	setRateLimit(rule: { limit: number; windowMs: number } | false): void {
		this.clearRateLimits();
		if (rule === false) return;
		this.addRateLimit(
			[{ name: 'per-key', ...rule, key: (r) => String(r.headers['d360-api-key'] ?? '') }],
			(verdict) =>
				errorResponse(
					this.variant,
					'rateLimit',
					`Rate limit of ${rule.limit} messages per ${rule.windowMs} ms hit; retry in ${verdict.retryAfterSeconds} s`,
					{ 'retry-after': String(verdict.retryAfterSeconds) },
				),
			`POST ${this.sendPath}`,
		);
	}

	/** Marks the recipient's 24-hour window as closed: free-form sends to it fail. */
	expireWindow(waId: string): void {
		this.closedWindows.add(waId);
	}

	/** Reopens the window (as a message from the user does). */
	openWindow(waId: string): void {
		this.closedWindows.delete(waId);
	}

	isWindowOpen(waId: string): boolean {
		return !this.closedWindows.has(waId);
	}

	/** Messages accepted for one recipient, oldest first. */
	sentTo(to: string): Dialog360SentMessage[] {
		return this.sent.filter((message) => message.to === to);
	}

	/** Turns a media URL from GET /{media-id} into one on this fake (what clients must do, §4.5). */
	localMediaUrl(url: string): string {
		const target = new URL(url);
		return `${this.url}${target.pathname}${target.search}`;
	}

	/**
	 * POSTs a webhook body the way 360dialog does: to the URL set for `apiKey` (or `url`), with
	 * the headers set alongside it (§4.2), unsigned. A message from a user reopens their window.
	 */
	async deliverWebhook(
		body: Dialog360Webhook,
		target: { url?: string; apiKey?: string; headers?: Record<string, string> } = {},
	): Promise<WebhookDelivery> {
		const config = this.webhooks.get(target.apiKey ?? this.apiKeys[0]);
		const url = target.url ?? config?.url;
		if (!url) throw new Error('No webhook URL: set one with POST /v1/configs/webhook or pass url');
		for (const from of senders(body)) this.openWindow(from);
		return await deliverWebhook(url, body, { ...(config?.headers ?? {}), ...target.headers });
	}

	override reset(): void {
		super.reset();
		this.sent.length = 0;
		this.webhooks.clear();
		this.media.clear();
		this.readMarks.length = 0;
		this.closedWindows.clear();
		this.mediaFailures.clear();
	}

	protected override notFound(request: RecordedRequest): FakeResponse {
		return metaError(404, `Not found: ${request.method} ${request.path}`);
	}

	private authed(request: RecordedRequest, handler: (key: string) => FakeResponse): FakeResponse {
		const key = request.headers['d360-api-key'];
		if (typeof key !== 'string' || key === '') return metaError(401, 'Missing D360-API-KEY header');
		if (!this.apiKeys.includes(key)) return metaError(401, 'Invalid api key');
		return handler(key);
	}

	private getWebhook(key: string): FakeResponse {
		return { json: this.webhooks.get(key) ?? { url: '' } };
	}

	private setWebhook(request: RecordedRequest, key: string): FakeResponse {
		const body = (request.json ?? {}) as { url?: unknown; headers?: unknown };
		let url: URL | undefined;
		try {
			url = typeof body.url === 'string' ? new URL(body.url) : undefined;
		} catch {
			url = undefined;
		}
		if (!url || !/^https?:$/.test(url.protocol))
			return metaError(400, 'Invalid webhook url', [{ field: 'url', message: 'must be a URL' }]);
		if (this.options.enforceWebhookUrlRules && (url.hostname.includes('_') || url.port !== ''))
			return metaError(400, 'Invalid webhook url', [
				{ field: 'url', message: 'no "_" in the host name and no explicit port' },
			]);
		const headers = body.headers;
		if (headers !== undefined && (typeof headers !== 'object' || headers === null))
			return metaError(400, 'Invalid webhook headers', [{ field: 'headers' }]);
		const config: Dialog360WebhookConfig = { url: body.url as string };
		if (headers) config.headers = headers as Record<string, string>;
		this.webhooks.set(key, config);
		return { json: config };
	}

	/**
	 * GET /v1/configs/templates (the path §4 does not list; 360dialog documents POST on it for
	 * creating templates). Shape NOT FOUND: {count, total, waba_templates: [{name, language,
	 * status, category, components}]}, as the On-Premise-era API answered. `templates` option
	 * names are listed as approved in en_US; none configured: an empty list.
	 */
	private listTemplates(): FakeResponse {
		const waba_templates = (this.options.templates ?? []).map((name) => ({
			name,
			language: 'en_US',
			status: 'approved',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: `Template ${name}` }],
		}));
		return { json: { count: waba_templates.length, total: waba_templates.length, waba_templates } };
	}

	/** Meta's mark-as-read (inferred, as §4.4's shapes): {status: "read", message_id}. */
	private markRead(messageId: unknown, body: Record<string, unknown>): FakeResponse {
		if (body.status !== 'read' || typeof messageId !== 'string' || messageId === '')
			return errorResponse(
				this.variant,
				'invalidParameter',
				'status "read" and message_id are required.',
			);
		this.readMarks.push(messageId);
		return { json: this.variant === 'cloud' ? { success: true } : {} };
	}

	private sendMessage(request: RecordedRequest, key: string): FakeResponse {
		const body = (request.json ?? {}) as Record<string, unknown>;
		if (this.variant === 'cloud' && body.status !== undefined) {
			if (body.messaging_product !== 'whatsapp')
				return errorResponse(
					'cloud',
					'invalidParameter',
					'The parameter messaging_product is required.',
				);
			return this.markRead(body.message_id, body);
		}
		try {
			const { to, type } = validateMessage(request.json, {
				variant: this.variant,
				windowClosed: (waId) => this.closedWindows.has(waId),
				templates: this.options.templates,
				mediaMime: (id) => this.media.get(id)?.mimeType,
			});
			const id = wamid();
			this.sent.push({ id, to, type, body: request.json as Record<string, unknown>, apiKey: key });
			if (type === 'template' && this.options.templateOpensWindow !== false) this.openWindow(to);
			const answer = { contacts: [{ input: to, wa_id: to }], messages: [{ id }] };
			return {
				json:
					this.variant === 'cloud'
						? { messaging_product: 'whatsapp', ...answer }
						: { ...answer, meta: { api_status: 'stable', version: '2.53.2' } },
			};
		} catch (error) {
			if (error instanceof Dialog360Error)
				return errorResponse(this.variant, error.kind, error.details);
			throw error;
		}
	}

	private upload(request: RecordedRequest, key: string): FakeResponse {
		const file = request.files.find((candidate) => candidate.field === 'file');
		if (request.fields?.messaging_product !== 'whatsapp')
			return errorResponse(
				'cloud',
				'invalidParameter',
				'The parameter messaging_product is required.',
			);
		if (!file) return errorResponse('cloud', 'invalidParameter', 'The parameter file is required.');
		const id = String(1_000_000_000_000_000 + Math.floor(Math.random() * 1e15));
		this.media.set(id, {
			id,
			data: file.data,
			mimeType: request.fields.type ?? file.contentType,
			sha256: createHash('sha256').update(file.data).digest('hex'),
			filename: file.filename,
			apiKey: key,
		});
		return { json: { id } };
	}

	private mediaInfo(request: RecordedRequest, key: string): FakeResponse {
		if (this.recentMediaFailures(key) > 5)
			return errorResponse(
				'cloud',
				'rateLimit',
				'More than 5 failed media requests in the last hour: media retrieval blocked for 1 hour',
			);
		const media = this.ownMedia(request.params.mediaId, key);
		if (!media) return this.mediaMissing(key, request.params.mediaId);
		const base = this.options.mediaUrlBase ?? 'https://lookaside.fbsbx.com';
		const hash = randomBytes(8).toString('hex');
		return {
			json: {
				messaging_product: 'whatsapp',
				url: `${base}/whatsapp_business/attachments/?mid=${media.id}&ext=${Date.now()}&hash=${hash}`,
				mime_type: media.mimeType,
				sha256: media.sha256,
				file_size: media.data.length,
				id: media.id,
			},
		};
	}

	private deleteMedia(request: RecordedRequest, key: string): FakeResponse {
		const media = this.ownMedia(request.params.mediaId, key);
		if (!media) return this.mediaMissing(key, request.params.mediaId);
		this.media.delete(media.id);
		return { json: { success: true } };
	}

	private download(request: RecordedRequest, key: string): FakeResponse {
		const media = this.ownMedia(request.query.mid ?? '', key);
		if (!media) return this.mediaMissing(key, request.query.mid ?? '');
		return { body: media.data, headers: { 'content-type': media.mimeType } };
	}

	private ownMedia(id: string, key: string): Dialog360Media | undefined {
		const media = this.media.get(id);
		return media?.apiKey === key ? media : undefined;
	}

	private mediaMissing(key: string, id: string): FakeResponse {
		const failures = [...(this.mediaFailures.get(key) ?? []), Date.now()];
		this.mediaFailures.set(key, failures);
		return errorResponse('cloud', 'mediaNotFound', `Media ${id} does not exist`);
	}

	private recentMediaFailures(key: string): number {
		const recent = (this.mediaFailures.get(key) ?? []).filter(
			(at) => at > Date.now() - MEDIA_BLOCK_MS,
		);
		this.mediaFailures.set(key, recent);
		return recent.length;
	}
}

/** wa_ids of users who sent messages in a delivery, in either shape. */
function senders(body: Dialog360Webhook): string[] {
	const values: Array<Record<string, unknown>> = [body];
	for (const entry of asArray(body.entry))
		for (const change of asArray((entry as { changes?: unknown }).changes))
			values.push(((change as { value?: unknown }).value ?? {}) as Record<string, unknown>);
	return values.flatMap((value) =>
		asArray(value.messages)
			.map((message) => (message as { from?: unknown }).from)
			.filter((from): from is string => typeof from === 'string'),
	);
}

function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}
