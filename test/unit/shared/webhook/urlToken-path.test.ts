import { normalizeWebhookPath } from '../../../../nodes/shared/webhook/urlToken';

describe('normalizeWebhookPath', () => {
	it('drops every leading and trailing slash, and keeps the inner ones', () => {
		expect(normalizeWebhookPath(' //omnidesk/abc// ')).toBe('omnidesk/abc');
		expect(normalizeWebhookPath('/a/')).toBe('a');
	});
});
