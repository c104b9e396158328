/**
 * The request and response objects a webhook() sees. n8n hands nodes an Express request and
 * response; these carry the parts nodes use, and the response records what the node answered
 * (status, headers, body) so tests can assert on a 403 or 400 without an HTTP server.
 */

export interface TestWebhookRequestInput {
	method?: string;
	body?: unknown;
	/** Header names are lower-cased, as Express gives them. */
	headers?: Record<string, string>;
	query?: Record<string, unknown>;
	params?: Record<string, string>;
	/** Raw bytes of the body (n8n keeps them as req.rawBody); default: JSON of body. */
	rawBody?: Buffer | string;
	path?: string;
	ip?: string;
}

export interface TestWebhookRequest {
	method: string;
	body: unknown;
	headers: Record<string, string>;
	query: Record<string, unknown>;
	params: Record<string, string>;
	rawBody: Buffer;
	path: string;
	url: string;
	ip: string;
	header(name: string): string | undefined;
	get(name: string): string | undefined;
}

export function createWebhookRequest(input: TestWebhookRequestInput): TestWebhookRequest {
	const headers = Object.fromEntries(
		Object.entries({ 'content-type': 'application/json', ...(input.headers ?? {}) }).map(
			([name, value]) => [name.toLowerCase(), value],
		),
	);
	const rawBody = Buffer.isBuffer(input.rawBody)
		? input.rawBody
		: Buffer.from(input.rawBody ?? (input.body === undefined ? '' : JSON.stringify(input.body)));
	const path = input.path ?? '/webhook/test';
	const query = input.query ?? {};
	const search = new URLSearchParams(
		Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
	).toString();
	return {
		method: (input.method ?? 'POST').toUpperCase(),
		body: input.body ?? {},
		headers,
		query,
		params: input.params ?? {},
		rawBody,
		path,
		url: search ? `${path}?${search}` : path,
		ip: input.ip ?? '127.0.0.1',
		header: (name) => headers[name.toLowerCase()],
		get: (name) => headers[name.toLowerCase()],
	};
}

/** Records what a node answered through getResponseObject(). */
export class RecordingResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: unknown = undefined;
	/** Whether the node finished the answer (json/send/end). */
	ended = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	sendStatus(code: number): this {
		this.statusCode = code;
		this.ended = true;
		return this;
	}

	json(body: unknown): this {
		this.setHeader('content-type', 'application/json');
		this.body = body;
		this.ended = true;
		return this;
	}

	send(body?: unknown): this {
		this.body = body;
		this.ended = true;
		return this;
	}

	end(body?: unknown): this {
		if (body !== undefined) this.body = body;
		this.ended = true;
		return this;
	}

	setHeader(name: string, value: string | number): this {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	header(name: string, value: string | number): this {
		return this.setHeader(name, value);
	}

	set(name: string, value: string | number): this {
		return this.setHeader(name, value);
	}

	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}

	writeHead(code: number, headers: Record<string, string | number> = {}): this {
		this.statusCode = code;
		for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
		return this;
	}
}
