import { triggerToken as aiTaskToken } from '../../../../nodes/AiTask/trigger/webhookUrl';
import { triggerToken as omnideskToken } from '../../../../nodes/Omnidesk/trigger/webhookUrl';
import {
	deriveWebhookToken,
	normalizeWebhookPath,
	pathToken,
	tokenUrl,
	webhookUrlOptions,
} from '../../../../nodes/shared';

const settings = (overrides: Partial<Parameters<typeof webhookUrlOptions>[0]> = {}) => ({
	rawPath: 'ai-answers',
	instanceBaseUrl: 'https://n8n.example.com/',
	apiKey: Promise.resolve('key-1'),
	token: (apiKey: string, path: string) => pathToken(apiKey, 'purpose', path),
	credentialName: 'Example credential',
	productionUse: 'paste it into Example',
	...overrides,
});

describe('URL-token webhooks (providers that sign nothing)', () => {
	it('keeps every token already pasted into a provider: same derivation as 0.1.0', () => {
		expect(aiTaskToken('key-1', '/ai-answers/')).toBe(
			deriveWebhookToken('key-1', 'selarti-ai-task-trigger', 'ai-answers'),
		);
		expect(omnideskToken('key-1', 'desk')).toBe(
			deriveWebhookToken('key-1', 'omnidesk-rule-trigger', 'desk'),
		);
		expect(aiTaskToken('key-1', 'desk')).not.toBe(omnideskToken('key-1', 'desk'));
	});

	it('normalizes the path the way n8n serves it', () => {
		expect(normalizeWebhookPath('  /a/b/  ')).toBe('a/b');
		expect(tokenUrl('https://n8n.example.com//', '/a/', 'T', 'production')).toBe(
			'https://n8n.example.com/webhook/a?token=T',
		);
		expect(tokenUrl('https://n8n.example.com', 'a', 'T', 'test')).toBe(
			'https://n8n.example.com/webhook-test/a?token=T',
		);
	});

	it('offers the production and the test URL with the token', async () => {
		const token = pathToken('key-1', 'purpose', 'ai-answers');
		expect(await webhookUrlOptions(settings())).toEqual([
			{
				name: `https://n8n.example.com/webhook/ai-answers?token=${token}`,
				value: `https://n8n.example.com/webhook/ai-answers?token=${token}`,
				description: 'Production URL: paste it into Example',
			},
			{
				name: `https://n8n.example.com/webhook-test/ai-answers?token=${token}`,
				value: `https://n8n.example.com/webhook-test/ai-answers?token=${token}`,
				description: 'Test URL: works only while the editor listens for a test event',
			},
		]);
	});

	it.each([
		['an expression', '={{ $json.path }}'],
		['an empty path', ' / '],
		['no path at all', undefined],
	])('asks for a fixed path instead of a URL for %s', async (_label, rawPath) => {
		expect(await webhookUrlOptions(settings({ rawPath }))).toEqual([
			{ name: 'Set a fixed Path first (expressions are not supported here)', value: '' },
		]);
	});

	it('says which credential is missing or has no key, never offering a URL', async () => {
		expect(
			await webhookUrlOptions(settings({ apiKey: Promise.reject(new Error('no credential')) })),
		).toEqual([{ name: 'Choose the Example credential first', value: '' }]);
		expect(await webhookUrlOptions(settings({ apiKey: Promise.resolve('') }))).toEqual([
			{ name: 'The Example credential has no API key', value: '' },
		]);
	});
});
