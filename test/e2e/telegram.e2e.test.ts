/**
 * Telegram inside a real n8n (issue 4 "Done when"): the packed package, credentials pointing at
 * the fake Bot API (one bot per workflow, since a bot has one webhook or one poller), and
 *   - an active webhook-mode workflow: setWebhook on activation, the fake delivers an update
 *     with the secret header, the workflow answers in the same chat; a long answer arrives as
 *     ordered messages and a forced 429 delays it without losing a part;
 *   - an active long-polling workflow that receives an update and answers it;
 *   - the shipped template, imported with credentials for the fakes: a user's message reaches
 *     the fake AI and the AI's webhook answer reaches the same Telegram chat.
 */
import path from 'node:path';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { faults } from '../fakes/fake-server';
import { FakeSelarti, deliverAiWebhook } from '../fakes/selarti';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { N8nInstance, nodeOutput } from './harness';
import {
	echoWorkflow,
	telegramCredential as credential,
	templateWithFakes,
	until,
} from './telegram-support';

const WEBHOOK_BOT = '111111111:AAwebhookBotTokenForE2eTests_000000';
const POLLING_BOT = '222222222:AApollingBotTokenForE2eTests_000000';
const TEMPLATE_BOT = '333333333:AAtemplateBotTokenForE2eTests_00000';
const USER_CHAT = '86815320';
const SELARTI_KEY = 'test-selarti-key';

/** The shipped template with ids, credentials and a task id filled in, as a user would. */
const templateWorkflow = () =>
	templateWithFakes(
		path.resolve(__dirname, '../../workflows/telegram-ai-assistant.json'),
		'e2eTgTemplate001',
		{
			telegramCredential: 'tgTemplateCred01',
			selartiCredential: 'e2eSelartiCred02',
			taskId: 'task-1',
		},
	);

describe('Telegram in a real n8n', () => {
	const telegram = new FakeTelegram({ tokens: [WEBHOOK_BOT, POLLING_BOT, TEMPLATE_BOT] });
	const selarti = new FakeSelarti();
	let n8n: N8nInstance;
	const webhookFlow = () =>
		echoWorkflow('e2eTgWebhook0001', 'telegramBotTrigger', 'tgWebhookCred01', 3);
	const pollingFlow = () =>
		echoWorkflow('e2eTgPolling0001', 'telegramBotPollingTrigger', 'tgPollingCred01', 1);

	beforeAll(async () => {
		await telegram.start();
		await selarti.start();
		n8n = await N8nInstance.create({ name: 'telegram' });
		await n8n.importCredentials([
			credential('tgWebhookCred01', WEBHOOK_BOT, telegram.apiBaseUrl),
			credential('tgPollingCred01', POLLING_BOT, telegram.apiBaseUrl),
			credential('tgTemplateCred01', TEMPLATE_BOT, telegram.apiBaseUrl),
			{
				id: 'e2eSelartiCred02',
				name: 'Selarti (fake)',
				type: 'selartiApi',
				data: { baseUrl: selarti.apiBaseUrl, apiKey: SELARTI_KEY, sessionToken: '' },
			},
		]);
		const template = templateWorkflow();
		await n8n.importWorkflows([webhookFlow(), pollingFlow(), template]);
		await n8n.activate([webhookFlow().id, pollingFlow().id, template.id]);
		await n8n.start();
		await until(
			() =>
				telegram.webhookOf(WEBHOOK_BOT) !== undefined &&
				telegram.webhookOf(TEMPLATE_BOT) !== undefined,
			30_000,
			'both webhook triggers registered with the fake Telegram',
		);
	});

	afterAll(async () => {
		await n8n?.stop();
		await selarti.stop();
		await telegram.stop();
	});

	it('webhook mode: registered with a secret, an update is answered; a long answer arrives in order despite a 429', async () => {
		const webhook = telegram.webhookOf(WEBHOOK_BOT);
		expect(webhook?.url).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/`));
		expect(webhook?.secret_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(webhook?.allowed_updates).toEqual(['message']);

		// A delivery without the secret is refused and starts nothing: the real update that follows
		// gets the very next execution id, and nothing answers the forged text.
		const before = await n8n.lastExecutionId();
		const forged = await fetch(webhook!.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(privateTextUpdate('forged', { updateId: 1 })),
		});
		expect(forged.status).toBe(403);

		telegram.failNext(
			(r) => r.path === `/bot${WEBHOOK_BOT}/sendMessage`,
			faults.respond(429, {
				ok: false,
				error_code: 429,
				description: 'Too Many Requests: retry after 1',
				parameters: { retry_after: 1 },
			}),
		);
		const text = 'Please tell me about the course. ' + 'details '.repeat(200);
		const update = telegram.pushUpdate(privateTextUpdate(text), WEBHOOK_BOT);
		await telegram.waitForWebhookDelivery(update.update_id as number, 15_000);
		const [execution] = await n8n.waitForExecutions(webhookFlow().id, 1);
		expect(execution.status).toBe('success');
		expect(Number(execution.id)).toBe(before + 1);

		const sent = telegram.sentTo(USER_CHAT, WEBHOOK_BOT);
		const joined = sent.map((m) => m.text).join('\n\n');
		expect(sent.length).toBeGreaterThanOrEqual(2);
		expect(sent.every((m) => (m.text ?? '').length <= 4096)).toBe(true);
		expect(joined.indexOf('Echo 1:')).toBeLessThan(joined.indexOf('Echo 2:'));
		expect(joined.indexOf('Echo 2:')).toBeLessThan(joined.indexOf('Echo 3:'));
		expect(joined.replace(/\s+/g, ' ')).toContain('Echo 3: Please tell me about the course.');
		expect(joined).not.toContain('forged');
		expect(nodeOutput(execution, 'Reply')[0].json.messageIds).toEqual(
			sent.map((m) => m.result.message_id),
		);
		// The 429 was answered to one attempt, then waited out.
		expect(
			telegram.requests.filter((r) => r.path === `/bot${WEBHOOK_BOT}/sendMessage` && r.fault),
		).toHaveLength(1);
	});

	it('long-polling mode: an update is fetched and answered', async () => {
		telegram.pushUpdate(privateTextUpdate('Hello from polling'), POLLING_BOT);
		await until(
			() => telegram.sentTo(USER_CHAT, POLLING_BOT).length >= 1,
			30_000,
			'the polling reply',
		);
		expect(telegram.sentTo(USER_CHAT, POLLING_BOT).map((m) => m.text)).toEqual([
			'Echo 1: Hello from polling',
		]);
		expect(telegram.webhookOf(POLLING_BOT)).toBeUndefined();
		const [execution] = await n8n.waitForExecutions(pollingFlow().id, 1);
		expect(execution.status).toBe('success');
	});

	it('template: the user message reaches the fake AI and its answer comes back to the same chat', async () => {
		selarti.setAutoReply(
			`${n8n.baseUrl}/webhook/telegram-ai-assistant?token=${triggerToken(SELARTI_KEY, 'telegram-ai-assistant')}`,
		);
		const update = telegram.pushUpdate(privateTextUpdate('How much is the course?'), TEMPLATE_BOT);
		await telegram.waitForWebhookDelivery(update.update_id as number, 15_000);
		await until(
			() => telegram.sentTo(USER_CHAT, TEMPLATE_BOT).length >= 1,
			30_000,
			'the AI answer on Telegram',
		);

		expect(telegram.chatActions.filter((a) => a.token === TEMPLATE_BOT)).toEqual([
			expect.objectContaining({ chatId: USER_CHAT, action: 'typing' }),
		]);
		expect(selarti.sent).toEqual([
			expect.objectContaining({
				chat_id: `telegram:333333333:${USER_CHAT}`,
				text: 'How much is the course?',
			}),
		]);
		expect(telegram.sentTo(USER_CHAT, TEMPLATE_BOT).map((m) => m.text)).toEqual([
			'AI: How much is the course?',
		]);
	});
	it('template: an operator takeover notifies the managers’ chat with the dialog link, and the operator’s words reach the user', async () => {
		const aiTrigger = `${n8n.baseUrl}/webhook/telegram-ai-assistant?token=${triggerToken(SELARTI_KEY, 'telegram-ai-assistant')}`;
		const conversation = `telegram:333333333:${USER_CHAT}`;
		const managersChat = '-1001234567890'; // the template's placeholder, which the sticky note says to replace
		const handoff = await deliverAiWebhook(
			aiTrigger,
			{
				external_chat_id: conversation,
				thread_id: 'e2e-handoff-thread',
				message_id: 'e2e-handoff-1',
				message_type: 'operator',
				is_bot: false,
				operator: true,
				message_text: 'Hello, this is Anna from sales. How can I help?',
				panel_url: 'https://selarti.example/panel/dialog/e2e-handoff-thread',
			},
			{ booleans: 'string' },
		);
		expect(handoff.status).toBe(200);
		await until(
			() => telegram.sentTo(managersChat, TEMPLATE_BOT).length >= 1,
			30_000,
			'the managers’ notification',
		);
		await until(
			() => telegram.sentTo(USER_CHAT, TEMPLATE_BOT).length >= 2,
			30_000,
			'the operator’s message to the user',
		);

		const [notice] = telegram.sentTo(managersChat, TEMPLATE_BOT);
		expect(notice.text).toContain('https://selarti.example/panel/dialog/e2e-handoff-thread');
		expect(notice.text).toContain(USER_CHAT);
		expect(telegram.sentTo(USER_CHAT, TEMPLATE_BOT).map((m) => m.text)).toContain(
			'Hello, this is Anna from sales. How can I help?',
		);
	});

	it('a bad update neither starts a run nor stalls the bot: 400 on the webhook, skipped by the poller', async () => {
		const before = await n8n.waitUntilIdle();
		const webhook = telegram.webhookOf(WEBHOOK_BOT)!;
		const hostile = await fetch(webhook.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-telegram-bot-api-secret-token': webhook.secret_token ?? '',
			},
			body: JSON.stringify({
				update_id: 990001,
				message: { message_id: 1, date: 1e20, chat: { id: 'abc', type: 'private' } },
			}),
		});
		expect(hostile.status).toBe(400);
		expect(await hostile.text()).toContain('message.date');
		expect(await n8n.lastExecutionId()).toBe(before);

		const valid = privateTextUpdate('behind the poison');
		telegram.pushUpdate(
			{
				...privateTextUpdate('poison'),
				message: { ...(valid.message as Record<string, unknown>), date: 1e20, text: 'poison' },
			},
			POLLING_BOT,
		);
		telegram.pushUpdate(valid, POLLING_BOT);
		await until(
			() =>
				telegram.sentTo(USER_CHAT, POLLING_BOT).some((m) => m.text === 'Echo 1: behind the poison'),
			30_000,
			'the reply to the update behind the poison',
		);
		await until(
			() => telegram.pendingUpdates(POLLING_BOT).length === 0,
			30_000,
			'both updates confirmed',
		);
		expect(telegram.sentTo(USER_CHAT, POLLING_BOT).map((m) => m.text)).not.toContain(
			'Echo 1: poison',
		);
		expect(n8n.log()).toMatch(/skipped update \d+: not a valid update \(message\.date/);
	});

	// Last, so every path above (sends, a 429, polling across a restart, the template's dialog)
	// has written its log lines, execution data and errors.
	it('keeps bot tokens, the webhook secret and Selarti keys and session tokens out of everything n8n stores', async () => {
		const secrets: Record<string, string> = {
			'webhook bot token': WEBHOOK_BOT,
			'polling bot token': POLLING_BOT,
			'template bot token': TEMPLATE_BOT,
			'Selarti API key': SELARTI_KEY,
			'webhook secret_token': telegram.webhookOf(WEBHOOK_BOT)?.secret_token ?? '',
		};
		selarti.issuedTokens.forEach((token, i) => (secrets[`Selarti session token ${i + 1}`] = token));
		expect(selarti.issuedTokens.length).toBeGreaterThan(0);
		expect(n8n.leaksOf(secrets)).toEqual([]);
	});
});
