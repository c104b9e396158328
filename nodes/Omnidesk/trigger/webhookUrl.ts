import { deriveWebhookToken } from '../../shared';

/**
 * The secret in the trigger's URL. Omnidesk signs nothing (api-reference §2.6), so the URL is the
 * secret: an HMAC of the credential's API key over the node's webhook path. The path scopes it
 * because the editor knows it at design time (the URL field shows the token) and n8n allows one
 * active webhook per path. Derived, so every n8n process computes the same value.
 */
const TOKEN_PURPOSE = 'omnidesk-rule-trigger';

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
