import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the
 * content nor the length of the expected secret leaks through timing.
 */
export function secretsEqual(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || expected.length === 0) return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/**
 * A webhook token derived from a credential secret and the place it protects (workflow, node,
 * path…). Derived rather than stored, so every n8n process (queue mode) computes the same value
 * and nothing needs to be kept. URL-safe and within Telegram's secret_token alphabet.
 */
export function deriveWebhookToken(secret: string, ...scope: string[]): string {
	if (!secret) throw new Error('Cannot derive a webhook token without a credential secret');
	return createHmac('sha256', secret)
		.update(scope.join('\n'), 'utf8')
		.digest('base64url')
		.slice(0, 32);
}
