/**
 * Posts a provider's webhook to a URL (usually an n8n production webhook) the way providers do:
 * one JSON POST, no retries here (a fake that wants retries does them itself). Uses node:http
 * rather than fetch so nothing depends on what the jest environment exposes globally.
 */
import http from 'node:http';
import https from 'node:https';

export interface WebhookDelivery {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** The answer parsed as JSON when it is JSON, else the text. */
	body: unknown;
	text: string;
}

export interface DeliverOptions {
	timeoutMs?: number;
	method?: string;
	/** Send this exact body instead of JSON.stringify(body), e.g. to test malformed JSON. */
	rawBody?: string | Buffer;
}

export async function deliverWebhook(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
	options: DeliverOptions = {},
): Promise<WebhookDelivery> {
	const payload = options.rawBody ?? JSON.stringify(body);
	const target = new URL(url);
	const transport = target.protocol === 'https:' ? https : http;
	return await new Promise<WebhookDelivery>((resolve, reject) => {
		const request = transport.request(
			target,
			{
				method: options.method ?? 'POST',
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					...headers,
				},
				timeout: options.timeoutMs ?? 30_000,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed: unknown = text;
					try {
						parsed = text === '' ? '' : JSON.parse(text);
					} catch {
						// Not JSON: keep the text.
					}
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						body: parsed,
						text,
					});
				});
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`Webhook delivery to ${url} timed out`)));
		request.on('error', reject);
		request.end(payload);
	});
}
