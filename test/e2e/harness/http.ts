import * as http from 'node:http';

export interface HttpResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** The raw response body. */
	text: string;
	/** The body parsed as JSON when it is JSON, else the raw text. */
	body: unknown;
}

export interface HttpRequest {
	method: string;
	url: string;
	headers?: Record<string, string>;
	/** A string or Buffer is sent as is (to test malformed bodies); anything else as JSON. */
	body?: unknown;
	timeoutMs?: number;
}

function encodeBody(request: HttpRequest): { payload?: Buffer; headers: Record<string, string> } {
	const headers = { ...request.headers };
	if (request.body === undefined) return { headers };
	if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
		return { payload: Buffer.from(request.body), headers };
	}
	const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	if (!hasContentType) headers['content-type'] = 'application/json';
	return { payload: Buffer.from(JSON.stringify(request.body)), headers };
}

function parseBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** A tiny HTTP client that refuses to talk to anything but loopback: tests never leave the machine. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
	const url = new URL(request.url);
	if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
		throw new Error(`e2e http: refusing non-loopback URL ${request.url}`);
	}
	const { payload, headers } = encodeBody(request);
	if (payload) headers['content-length'] = String(payload.length);
	return await new Promise((resolve, reject) => {
		const req = http.request(url, { method: request.method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parseBody(text) });
			});
		});
		req.setTimeout(request.timeoutMs ?? 30_000, () =>
			req.destroy(new Error(`timeout: ${request.method} ${request.url}`)),
		);
		req.on('error', reject);
		req.end(payload);
	});
}
