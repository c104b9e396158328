import { pathToken } from '../../shared';

export { normalizeWebhookPath, tokenUrl as triggerUrl } from '../../shared';

/**
 * The secret in the trigger's URL (Omnidesk signs nothing, api-reference §2.6): the shared
 * path-scoped token (nodes/shared/webhook/urlToken.ts). The purpose string is part of every URL
 * pasted into an Omnidesk rule: changing it would break them all.
 */
const TOKEN_PURPOSE = 'omnidesk-rule-trigger';

export function triggerToken(apiKey: string, path: string): string {
	return pathToken(apiKey, TOKEN_PURPOSE, path);
}
