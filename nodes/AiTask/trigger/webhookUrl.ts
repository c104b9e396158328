import { pathToken } from '../../shared';

export { normalizeWebhookPath, tokenUrl as triggerUrl } from '../../shared';

/**
 * The secret in the trigger's URL (Selarti signs nothing): the shared path-scoped token
 * (nodes/shared/webhook/urlToken.ts). The purpose string is part of every URL already pasted into
 * Selarti: changing it would break them all.
 */
const TOKEN_PURPOSE = 'selarti-ai-task-trigger';

export function triggerToken(apiKey: string, path: string): string {
	return pathToken(apiKey, TOKEN_PURPOSE, path);
}
