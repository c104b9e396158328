import { deriveWebhookToken } from '../../shared';

/**
 * The secret in the trigger's URL. Selarti signs nothing, so the URL itself is the secret: an HMAC
 * of the credential's API key over the node's webhook path. The path is the node-specific scope
 * because it is all the editor knows at design time (workflow and node ids are not available to
 * the load-options call that shows the URL); n8n refuses two active webhooks on one path, so it
 * is unique among active workflows. Changing the API key or the path changes the token.
 */
const TOKEN_PURPOSE = 'selarti-ai-task-trigger';

/** n8n's default production and test endpoints (N8N_ENDPOINT_WEBHOOK / _TEST). */
const ENDPOINTS = { production: 'webhook', test: 'webhook-test' } as const;

export function normalizeWebhookPath(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, '');
}

export function triggerToken(apiKey: string, path: string): string {
	return deriveWebhookToken(apiKey, TOKEN_PURPOSE, normalizeWebhookPath(path));
}

export function triggerUrl(
	instanceBaseUrl: string,
	path: string,
	token: string,
	mode: keyof typeof ENDPOINTS,
): string {
	const base = instanceBaseUrl.replace(/\/+$/, '');
	return `${base}/${ENDPOINTS[mode]}/${normalizeWebhookPath(path)}?token=${token}`;
}
