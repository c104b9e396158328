import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputError, deriveWebhookToken } from '../../shared';
import { WAZZUP_CREDENTIAL, apiKeyOf } from '../transport';

/** The query parameter that carries our secret: Wazzup signs nothing (api-reference §3.4). */
export const TOKEN_PARAMETER = 'token';

const MIN_MANUAL_TOKEN_LENGTH = 16;

export interface TokenContext {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getWorkflow(): { id?: string };
	getNode(): { id: string };
}

/**
 * The URL token Wazzup must send back. Automatic registration derives it from the API key, the
 * workflow and the node, so every n8n process computes the same value and nothing is stored.
 * In Manual mode the user chooses it, because they paste the URL into Wazzup themselves.
 */
export async function expectedToken(context: TokenContext): Promise<string> {
	if (context.getNodeParameter('registration', 'automatic') === 'manual') {
		const token = String(context.getNodeParameter('urlToken', '') ?? '').trim();
		if (token.length < MIN_MANUAL_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
			throw new InputError(
				`URL Token must be at least ${MIN_MANUAL_TOKEN_LENGTH} letters, digits, "-" or "_".`,
				'Enter a long random token, and paste the production URL with ?token=<it> into Wazzup.',
			);
		}
		return token;
	}
	const credentials = await context.getCredentials(WAZZUP_CREDENTIAL);
	return deriveWebhookToken(
		apiKeyOf(credentials),
		'wazzup-webhook',
		context.getWorkflow().id ?? '',
		context.getNode().id,
	);
}

/** The production URL with the token in its query string. */
export function urlWithToken(webhookUrl: string, token: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(TOKEN_PARAMETER, token);
	return url.toString();
}

/** The URL without its query: the same trigger whatever token it carried. */
export function withoutQuery(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return url;
	}
}
