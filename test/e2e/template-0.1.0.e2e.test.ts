/**
 * Workflows saved with an earlier version keep working after an upgrade: the template exactly as
 * 0.1.0 shipped it (test/e2e/fixtures), imported into a real n8n with today's package, still
 * hands a user's Telegram message to the AI and brings the answer back to the same chat.
 */
import path from 'node:path';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { FakeSelarti } from '../fakes/selarti';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { N8nInstance } from './harness';
import { telegramCredential, templateWithFakes, until } from './telegram-support';

const BOT = '444444444:AAsavedTemplateBotTokenForE2eTests_0';
const USER_CHAT = '86815320';
const SELARTI_KEY = 'saved-template-selarti-key';
const PATH = 'telegram-ai-assistant'; // the AI Task Trigger path saved in the 0.1.0 template

describe('the 0.1.0 template in a real n8n with this version of the package', () => {
	const telegram = new FakeTelegram({ tokens: [BOT] });
	const selarti = new FakeSelarti({ apiKeys: [SELARTI_KEY], tasks: ['task-9'] });
	let n8n: N8nInstance;
	const workflow = templateWithFakes(
		path.resolve(__dirname, 'fixtures/telegram-ai-assistant-0.1.0.json'),
		'e2eTemplate010v1',
		{
			telegramCredential: 'tgSavedTplCred01',
			selartiCredential: 'e2eSelartiCred09',
			taskId: 'task-9',
		},
	);

	beforeAll(async () => {
		await telegram.start();
		await selarti.start();
		n8n = await N8nInstance.create({ name: 'template-0.1.0' });
		await n8n.importCredentials([
			telegramCredential('tgSavedTplCred01', BOT, telegram.apiBaseUrl),
			{
				id: 'e2eSelartiCred09',
				name: 'Selarti (fake)',
				type: 'selartiApi',
				data: { baseUrl: selarti.apiBaseUrl, apiKey: SELARTI_KEY, sessionToken: '' },
			},
		]);
		await n8n.importWorkflows([workflow]);
		await n8n.activate([workflow.id]);
		await n8n.start();
		await until(() => telegram.webhookOf(BOT) !== undefined, 30_000, 'the webhook registered');
	});

	afterAll(async () => {
		await n8n?.stop();
		await selarti.stop();
		await telegram.stop();
	});

	it("answers a user's message through the AI, in the same chat", async () => {
		selarti.setAutoReply(`${n8n.baseUrl}/webhook/${PATH}?token=${triggerToken(SELARTI_KEY, PATH)}`);
		const update = telegram.pushUpdate(privateTextUpdate('Do you ship abroad?'), BOT);
		await telegram.waitForWebhookDelivery(update.update_id as number, 15_000);
		await until(() => telegram.sentTo(USER_CHAT, BOT).length >= 1, 30_000, 'the AI answer');

		expect(selarti.sent).toEqual([
			expect.objectContaining({
				task_id: 'task-9',
				chat_id: `telegram:444444444:${USER_CHAT}`,
				text: 'Do you ship abroad?',
			}),
		]);
		expect(telegram.sentTo(USER_CHAT, BOT).map((m) => m.text)).toEqual(['AI: Do you ship abroad?']);
	});
});
