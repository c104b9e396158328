import type { RequestContext } from '../../shared';
import { dialog360Request } from '../transport';

/** The number's one webhook: GET/POST /v1/configs/webhook on every variant (api-reference §4.2). */
export interface WebhookConfig {
	url: string;
	headers?: Record<string, string>;
}

export async function readWebhookConfig(context: RequestContext): Promise<WebhookConfig> {
	const answer = await dialog360Request<Partial<WebhookConfig>>(context, {
		method: 'GET',
		path: '/v1/configs/webhook',
		kind: 'read',
	});
	const headers =
		answer?.headers && typeof answer.headers === 'object' ? answer.headers : undefined;
	return {
		url: typeof answer?.url === 'string' ? answer.url : '',
		...(headers ? { headers } : {}),
	};
}

/** Setting the same URL and headers twice is harmless, so this is retried like a read. */
export async function writeWebhookConfig(
	context: RequestContext,
	config: WebhookConfig,
): Promise<WebhookConfig> {
	await dialog360Request(context, {
		method: 'POST',
		path: '/v1/configs/webhook',
		body: { url: config.url, headers: config.headers ?? {} },
		kind: 'read',
	});
	return config;
}
