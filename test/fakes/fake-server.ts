/**
 * The shared base of every fake provider: a plain node:http server on 127.0.0.1 (port 0 by
 * default) that records each request, routes it by method and path, and can be scripted to
 * misbehave the ways real providers do (error answers, slow answers, dropped connections,
 * requests that never get an answer, rate limits). Provider fakes subclass it and add routes.
 *
 * Order in which a request is handled: record → scripted fault (failNext) → rate limiters →
 * route handler → 404 (an "after" fault replaces a successful answer of the route). A request refused by a fault or a limiter is still recorded, with
 * `fault` set, so tests can count attempts.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { multipartBoundary, parseMultipart, type UploadedFile } from './multipart';
import { RateLimiter, type RateLimitRule, type RateLimitVerdict } from './rate-limiter';

export { deliverWebhook, type WebhookDelivery, type DeliverOptions } from './deliver-webhook';
export type { UploadedFile } from './multipart';

export interface RecordedRequest {
	/** 1-based arrival order since start (not reset by reset(), so ids stay unique). */
	id: number;
	method: string;
	/** Path without the query string, e.g. "/api/1.1/wf/auth". */
	path: string;
	/** Path with the query string, as received. */
	url: string;
	/** Query parameters; a repeated parameter keeps its last value. */
	query: Record<string, string>;
	/** Lower-case header names, as node:http gives them. */
	headers: http.IncomingHttpHeaders;
	contentType: string;
	rawBody: Buffer;
	/** Parsed JSON body (undefined if the body is not JSON or does not parse). */
	json?: unknown;
	/** Fields of an application/x-www-form-urlencoded body. */
	form?: Record<string, string>;
	/** Text fields of a multipart/form-data body. */
	fields?: Record<string, string>;
	/** Files of a multipart/form-data body. */
	files: UploadedFile[];
	/** Whichever of json / form / fields applies: the "arguments" of the call. */
	body: unknown;
	/** Named parameters of the route that matched (":name" segments or RegExp groups). */
	params: Record<string, string>;
	/** Set when a scripted fault or a rate limit answered instead of the route. */
	fault?: string;
	receivedAt: number;
	/** Aborted when the client goes away before the answer (e.g. an aborted long poll). */
	signal: AbortSignal;
}

export interface FakeResponse {
	status?: number;
	/** Sent as JSON. */
	json?: unknown;
	/** Sent as is (ignored when json is set). */
	body?: string | Buffer;
	headers?: Record<string, string>;
	/**
	 * Destroy the socket instead of answering: the route did its work, but the client never
	 * hears about it (a connection lost after the provider processed the call).
	 */
	dropConnection?: boolean;
}

export type RouteHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * What a request is matched by: "POST /path" or "/path" (any method; ":name" segments allowed),
 * a RegExp on the path, or a predicate.
 */
export type RequestMatch = string | RegExp | ((request: RecordedRequest) => boolean);

export type Fault =
	| { kind: 'respond'; response: FakeResponse }
	| { kind: 'delay'; ms: number }
	| { kind: 'drop' }
	| { kind: 'hang' }
	| { kind: 'after'; response: FakeResponse };

/** Builders for failNext. */
export const faults = {
	/** Answer with this status and body instead of the route. */
	respond: (status: number, json?: unknown, headers?: Record<string, string>): Fault => ({
		kind: 'respond',
		response: { status, json, headers },
	}),
	/** Wait, then answer normally (a slow provider). */
	delay: (ms: number): Fault => ({ kind: 'delay', ms }),
	/** Destroy the socket without answering (the client sees ECONNRESET / socket hang up). */
	drop: (): Fault => ({ kind: 'drop' }),
	/** Never answer; the socket is closed by stop(). */
	hang: (): Fault => ({ kind: 'hang' }),
	/**
	 * Let the route do its work (the message is sent), then destroy the socket instead of its
	 * successful answer: the client cannot know the call went through.
	 */
	dropAfter: (): Fault => ({ kind: 'after', response: { dropConnection: true } }),
	/** Let the route do its work, then answer this status instead of its successful answer. */
	respondAfter: (status: number, json?: unknown): Fault => ({
		kind: 'after',
		response: { status, json },
	}),
};

export interface FakeServerOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** Oldest requests are forgotten beyond this many (default 1000), to keep memory bounded. */
	maxRecorded?: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	handler: RouteHandler;
}

interface ScriptedFault {
	match: RequestMatch;
	fault: Fault;
	remaining: number;
}

interface RateLimit {
	limiter: RateLimiter<RecordedRequest>;
	appliesTo?: RequestMatch;
	respond: (
		verdict: Extract<RateLimitVerdict, { allowed: false }>,
		request: RecordedRequest,
	) => FakeResponse;
}

interface Waiter {
	match: RequestMatch;
	count: number;
	resolve: (requests: RecordedRequest[]) => void;
}

/** Turns "/bot:token/:method" into a RegExp with named groups; other characters are literal. */
export function compilePath(path: string | RegExp): RegExp {
	if (path instanceof RegExp) return path;
	const source = path
		.split(/(:[A-Za-z_][A-Za-z0-9_]*)/)
		.map((piece) =>
			piece.startsWith(':') && piece.length > 1
				? `(?<${piece.slice(1)}>[^/]+)`
				: piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('');
	return new RegExp(`^${source}$`);
}

/** Whether a request satisfies a RequestMatch. */
export function matchesRequest(match: RequestMatch, request: RecordedRequest): boolean {
	if (typeof match === 'function') return match(request);
	if (match instanceof RegExp) return match.test(request.path);
	const space = match.indexOf(' ');
	const method = space > 0 ? match.slice(0, space).toUpperCase() : undefined;
	const path = space > 0 ? match.slice(space + 1) : match;
	if (method !== undefined && method !== request.method) return false;
	return compilePath(path).test(request.path);
}

function parseBody(
	contentType: string,
	raw: Buffer,
): Pick<RecordedRequest, 'json' | 'form' | 'fields' | 'files' | 'body'> {
	const parsed: Pick<RecordedRequest, 'json' | 'form' | 'fields' | 'files' | 'body'> = {
		files: [],
		body: undefined,
	};
	if (raw.length === 0) return parsed;
	const boundary = multipartBoundary(contentType);
	if (boundary) {
		const { fields, files } = parseMultipart(raw, boundary);
		parsed.fields = fields;
		parsed.files = files;
		parsed.body = fields;
	} else if (/application\/x-www-form-urlencoded/i.test(contentType)) {
		parsed.form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
		parsed.body = parsed.form;
	} else {
		// Clients do not always label JSON (or label it text/plain): try it whatever the type.
		try {
			parsed.json = JSON.parse(raw.toString('utf8'));
			parsed.body = parsed.json;
		} catch {
			parsed.body = raw.toString('utf8');
		}
	}
	return parsed;
}

export class FakeServer {
	private server?: http.Server;
	private readonly sockets = new Set<Socket>();
	private readonly routes: Route[] = [];
	private scripted: ScriptedFault[] = [];
	private readonly rateLimits: RateLimit[] = [];
	private waiters: Waiter[] = [];
	private recorded: RecordedRequest[] = [];
	private nextId = 1;
	private base?: string;

	constructor(protected readonly serverOptions: FakeServerOptions = {}) {}

	/** Starts listening and returns the base URL, e.g. "http://127.0.0.1:43121". */
	async start(): Promise<string> {
		if (this.base) return this.base;
		const server = http.createServer((req, res) => void this.handle(req, res));
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		const host = this.serverOptions.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.serverOptions.port ?? 0, host, () => resolve());
		});
		this.server = server;
		const { port } = server.address() as AddressInfo;
		this.base = `http://${host}:${port}`;
		return this.base;
	}

	/** Stops listening and destroys open sockets (hung requests, keep-alive connections). */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.base = undefined;
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	get url(): string {
		if (!this.base) throw new Error('Fake server not started: call start() first');
		return this.base;
	}

	/** Registers a route; later registrations win over earlier ones for the same request. */
	route(method: string, path: string | RegExp, handler: RouteHandler): this {
		this.routes.unshift({ method: method.toUpperCase(), pattern: compilePath(path), handler });
		return this;
	}

	/** Makes the next `times` requests matching `match` fail with `fault`. */
	failNext(match: RequestMatch, fault: Fault, times = 1): this {
		this.scripted.push({ match, fault, remaining: times });
		return this;
	}

	/** Adds a rate limiter whose refusal is answered with the provider's own 429 shape. */
	addRateLimit(
		rules: Array<RateLimitRule<RecordedRequest>>,
		respond: RateLimit['respond'],
		appliesTo?: RequestMatch,
	): RateLimiter<RecordedRequest> {
		const limiter = new RateLimiter<RecordedRequest>(rules);
		this.rateLimits.push({ limiter, respond, appliesTo });
		return limiter;
	}

	/** Removes every rate limiter (e.g. to reconfigure them). */
	clearRateLimits(): void {
		this.rateLimits.length = 0;
	}

	/** Every recorded request, oldest first (a copy). */
	get requests(): RecordedRequest[] {
		return [...this.recorded];
	}

	requestsTo(match: RequestMatch): RecordedRequest[] {
		return this.recorded.filter((request) => matchesRequest(match, request));
	}

	lastRequest(match?: RequestMatch): RecordedRequest | undefined {
		const list = match === undefined ? this.recorded : this.requestsTo(match);
		return list[list.length - 1];
	}

	/**
	 * Resolves with the matching requests once at least `count` have been recorded (counting
	 * those already recorded), so tests wait for the provider to be called instead of sleeping.
	 */
	async waitForRequests(
		match: RequestMatch,
		count = 1,
		timeoutMs = 5000,
	): Promise<RecordedRequest[]> {
		const already = this.requestsTo(match);
		if (already.length >= count) return already;
		return await new Promise<RecordedRequest[]>((resolve, reject) => {
			const waiter: Waiter = {
				match,
				count,
				resolve: (requests) => {
					clearTimeout(timer);
					resolve(requests);
				},
			};
			const timer = setTimeout(() => {
				this.waiters = this.waiters.filter((w) => w !== waiter);
				const seen = this.requestsTo(match).length;
				reject(
					new Error(
						`Timed out after ${timeoutMs} ms waiting for ${count} request(s) matching ${String(match)}; saw ${seen}`,
					),
				);
			}, timeoutMs);
			this.waiters.push(waiter);
		});
	}

	/** Forgets recorded requests, scripted faults and rate-limit history; routes stay. */
	reset(): void {
		this.recorded = [];
		this.scripted = [];
		for (const { limiter } of this.rateLimits) limiter.reset();
	}

	/** Answer when no route matches; providers override it with their own 404 shape. */
	protected notFound(request: RecordedRequest): FakeResponse {
		return { status: 404, json: { error: 'Not Found', path: request.path } };
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const target = new URL(req.url ?? '/', 'http://fake');
		const contentType = req.headers['content-type'] ?? '';
		const gone = new AbortController();
		res.on('close', () => {
			if (!res.writableFinished) gone.abort();
		});
		const request: RecordedRequest = {
			id: this.nextId++,
			method: (req.method ?? 'GET').toUpperCase(),
			path: decodeURIComponent(target.pathname),
			url: req.url ?? '/',
			query: Object.fromEntries(target.searchParams),
			headers: req.headers,
			contentType,
			rawBody,
			params: {},
			receivedAt: Date.now(),
			signal: gone.signal,
			...parseBody(contentType, rawBody),
		};
		const route = this.routes.find(
			(candidate) =>
				(candidate.method === '*' || candidate.method === request.method) &&
				candidate.pattern.test(request.path),
		);
		if (route) request.params = { ...(route.pattern.exec(request.path)?.groups ?? {}) };
		this.record(request);

		try {
			const fault = this.takeFault(request);
			if (fault?.kind === 'drop') {
				request.fault = 'drop';
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'hang') {
				request.fault = 'hang';
				return;
			}
			if (fault?.kind === 'respond') {
				request.fault = `respond ${fault.response.status ?? 200}`;
				this.send(res, fault.response);
				return;
			}
			if (fault?.kind === 'delay') {
				request.fault = `delay ${fault.ms}`;
				await new Promise((resolve) => setTimeout(resolve, fault.ms));
			}
			for (const limit of this.rateLimits) {
				if (limit.appliesTo !== undefined && !matchesRequest(limit.appliesTo, request)) continue;
				const verdict = limit.limiter.take(request);
				if (!verdict.allowed) {
					request.fault = `rate-limit ${verdict.rule}`;
					this.send(res, limit.respond(verdict, request));
					return;
				}
			}
			const answer = route ? await route.handler(request) : this.notFound(request);
			if (fault?.kind === 'after' && (answer.status ?? 200) < 300) {
				const replaced = fault.response;
				request.fault = replaced.dropConnection ? 'drop after' : `respond ${replaced.status} after`;
				this.send(res, replaced);
				return;
			}
			this.send(res, answer);
		} catch (error) {
			this.send(res, { status: 500, json: { error: (error as Error).message } });
		}
	}

	private takeFault(request: RecordedRequest): Fault | undefined {
		const entry = this.scripted.find(
			(candidate) => candidate.remaining > 0 && matchesRequest(candidate.match, request),
		);
		if (!entry) return undefined;
		entry.remaining--;
		this.scripted = this.scripted.filter((candidate) => candidate.remaining > 0);
		return entry.fault;
	}

	private record(request: RecordedRequest): void {
		this.recorded.push(request);
		const cap = this.serverOptions.maxRecorded ?? 1000;
		if (this.recorded.length > cap) this.recorded.splice(0, this.recorded.length - cap);
		for (const waiter of [...this.waiters]) {
			const matching = this.requestsTo(waiter.match);
			if (matching.length >= waiter.count) {
				this.waiters = this.waiters.filter((w) => w !== waiter);
				waiter.resolve(matching);
			}
		}
	}

	private send(res: http.ServerResponse, response: FakeResponse): void {
		// The client may have gone away (e.g. a long poll it aborted): nothing to answer then.
		if (res.writableEnded || res.destroyed) return;
		if (response.dropConnection) {
			res.socket?.destroy();
			return;
		}
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: string | Buffer = '';
		if (response.json !== undefined) {
			payload = JSON.stringify(response.json);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		} else if (response.body !== undefined) {
			payload = response.body;
		}
		headers['content-length'] = String(Buffer.byteLength(payload));
		res.writeHead(response.status ?? 200, headers);
		res.end(payload);
	}
}
