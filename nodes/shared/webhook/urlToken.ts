import type { INodePropertyOptions } from 'n8n-workflow';

import { settle } from '../util/settle';
import { deriveWebhookToken } from './secret';

/**
 * Triggers for providers that sign nothing and offer no API to register a webhook (Selarti,
 * Omnidesk rules): the user pastes our URL into the provider, so the URL itself carries the
 * secret. The token is an HMAC of the credential's API key over the node's webhook path: the path
 * is all the editor knows at design time (the URL field shows the token before the workflow is
 * saved), and n8n allows one active webhook per path. Derived, so every n8n process computes the
 * same value and nothing is stored. Changing the key or the path changes the token.
 */

/** n8n's default production and test endpoints (N8N_ENDPOINT_WEBHOOK / _TEST). */
const ENDPOINTS = { production: 'webhook', test: 'webhook-test' } as const;

export function normalizeWebhookPath(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, '');
}

/** `purpose` keeps two triggers on one key and path from sharing a token. */
export function pathToken(apiKey: string, purpose: string, path: string): string {
	return deriveWebhookToken(apiKey, purpose, normalizeWebhookPath(path));
}

export function tokenUrl(
	instanceBaseUrl: string,
	path: string,
	token: string,
	mode: keyof typeof ENDPOINTS,
): string {
	const base = instanceBaseUrl.replace(/\/+$/, '');
	return `${base}/${ENDPOINTS[mode]}/${normalizeWebhookPath(path)}?token=${token}`;
}

/** A line in the URL field that is a message, not a URL (nothing to copy). */
function notice(text: string): INodePropertyOptions {
	return { name: text, value: '' };
}

export interface WebhookUrlOptionsSettings {
	/** The node's `path` parameter as the editor has it (an expression cannot be shown). */
	rawPath: unknown;
	instanceBaseUrl: string;
	apiKey: Promise<string>;
	/** The token's derivation: the credential's key over the path, for this purpose. */
	token(apiKey: string, path: string): string;
	/** "Selarti API credential", "Omnidesk credential": named in the notices. */
	credentialName: string;
	/** Where the production URL goes, e.g. "paste it into Selarti and activate the workflow". */
	productionUse: string;
}

/** The URL field's options (load options): production and test URL, or what is missing first. */
export async function webhookUrlOptions(
	settings: WebhookUrlOptionsSettings,
): Promise<INodePropertyOptions[]> {
	const { rawPath } = settings;
	if (typeof rawPath !== 'string' || rawPath.startsWith('=') || !normalizeWebhookPath(rawPath)) {
		return [notice('Set a fixed Path first (expressions are not supported here)')];
	}
	const key = await settle(settings.apiKey);
	if (!key.ok) return [notice(`Choose the ${settings.credentialName} first`)];
	if (key.value === '') return [notice(`The ${settings.credentialName} has no API key`)];
	const token = settings.token(key.value, rawPath);
	const production = tokenUrl(settings.instanceBaseUrl, rawPath, token, 'production');
	const test = tokenUrl(settings.instanceBaseUrl, rawPath, token, 'test');
	return [
		{
			name: production,
			value: production,
			description: `Production URL: ${settings.productionUse}`,
		},
		{
			name: test,
			value: test,
			description: 'Test URL: works only while the editor listens for a test event',
		},
	];
}
