/**
 * The Telegram triggers' lifecycle inside a real n8n (issue 4), beyond one update answered:
 *   - the webhook trigger refuses to replace another consumer's webhook and says whose it is;
 *   - long polling across an n8n restart: an update that arrived while n8n was down is answered
 *     once, and the updates answered before the restart are not answered again;
 *   - deactivation: the webhook trigger removes its own registration, the polling trigger stops
 *     asking Telegram at once and leaves new updates waiting for the next consumer.
 */
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { N8nInstance } from './harness';
import { echoWorkflow, telegramCredential, until } from './telegram-support';

const WEBHOOK_BOT = '555555555:AAlifecycleWebhookBotToken_00000000';
const POLLING_BOT = '666666666:AAlifecyclePollingBotToken_00000000';
const TAKEN_BOT = '777777777:AAlifecycleTakenBotToken_0000000000';
const FOREIGN_URL = 'https://crm.example.com/telegram/hook';
const USER_CHAT = '86815320';

describe('Telegram trigger lifecycle in a real n8n', () => {
	const telegram = new FakeTelegram({ tokens: [WEBHOOK_BOT, POLLING_BOT, TAKEN_BOT] });
	let n8n: N8nInstance;
	const webhookFlow = echoWorkflow('e2eTgLifeWebhk01', 'telegramBotTrigger', 'tgLifeWebhook01', 1);
	const pollingFlow = echoWorkflow(
		'e2eTgLifePoll001',
		'telegramBotPollingTrigger',
		'tgLifePolling01',
		1,
	);
	const takenFlow = echoWorkflow('e2eTgLifeTaken01', 'telegramBotTrigger', 'tgLifeTaken0001', 1);
	const repliesTo = (token: string) => telegram.sentTo(USER_CHAT, token).map((m) => m.text);
	const getUpdatesCalls = (token: string) =>
		telegram.requests.filter((r) => r.path === `/bot${token}/getUpdates`).length;

	beforeAll(async () => {
		await telegram.start();
		// Another program already receives this bot's updates.
		const foreign = await fetch(`${telegram.apiBaseUrl}/bot${TAKEN_BOT}/setWebhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: FOREIGN_URL }),
		});
		expect(foreign.status).toBe(200);

		n8n = await N8nInstance.create({ name: 'telegram-lifecycle' });
		await n8n.importCredentials([
			telegramCredential('tgLifeWebhook01', WEBHOOK_BOT, telegram.apiBaseUrl),
			telegramCredential('tgLifePolling01', POLLING_BOT, telegram.apiBaseUrl),
			telegramCredential('tgLifeTaken0001', TAKEN_BOT, telegram.apiBaseUrl),
		]);
		await n8n.importWorkflows([webhookFlow, pollingFlow, takenFlow]);
		await n8n.activate([webhookFlow.id, pollingFlow.id, takenFlow.id]);
		await n8n.start({ allowActivationErrors: true });
		await until(
			() => telegram.webhookOf(WEBHOOK_BOT) !== undefined,
			30_000,
			'the webhook registration',
		);
	});

	afterAll(async () => {
		await n8n?.stop();
		await telegram.stop();
	});

	it('does not take over a webhook another program set, and names it in the activation error', async () => {
		expect(telegram.webhookOf(TAKEN_BOT)?.url).toBe(FOREIGN_URL);
		expect(await n8n.activationError(takenFlow.id)).toContain(FOREIGN_URL);
		expect(
			telegram.requests.filter(
				(r) =>
					r.path === `/bot${TAKEN_BOT}/setWebhook` || r.path === `/bot${TAKEN_BOT}/deleteWebhook`,
			),
		).toHaveLength(1); // only the foreign program's own setWebhook above
	});

	it('long polling: nothing lost and nothing repeated across an n8n restart', async () => {
		telegram.pushUpdate(privateTextUpdate('before the restart'), POLLING_BOT);
		await until(() => repliesTo(POLLING_BOT).length === 1, 30_000, 'the reply before the restart');

		await n8n.stop();
		telegram.pushUpdate(privateTextUpdate('while n8n was down'), POLLING_BOT);
		await n8n.start({ allowActivationErrors: true });

		await until(() => repliesTo(POLLING_BOT).length >= 2, 30_000, 'the reply after the restart');
		// Give a wrongly repeated update time to show up before judging.
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(repliesTo(POLLING_BOT)).toEqual([
			'Echo 1: before the restart',
			'Echo 1: while n8n was down',
		]);
		expect(telegram.pendingUpdates(POLLING_BOT)).toHaveLength(0);
	});

	it('deactivation removes our webhook and stops long polling at once', async () => {
		expect(telegram.webhookOf(WEBHOOK_BOT)?.url).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/`));
		await n8n.deactivateViaApi(webhookFlow.id);
		expect(telegram.webhookOf(WEBHOOK_BOT)).toBeUndefined();

		await n8n.deactivateViaApi(pollingFlow.id);
		const callsAtStop = getUpdatesCalls(POLLING_BOT);
		telegram.pushUpdate(privateTextUpdate('after deactivation'), POLLING_BOT);
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(getUpdatesCalls(POLLING_BOT)).toBe(callsAtStop);
		expect(
			telegram
				.pendingUpdates(POLLING_BOT)
				.map((u) => (u.message as { text?: string } | undefined)?.text),
		).toEqual(['after deactivation']);
		expect(repliesTo(POLLING_BOT)).not.toContain('Echo 1: after deactivation');
	});
});
