/**
 * The Telegram triggers' lifecycle inside a real n8n (issue 4), beyond one update answered:
 *   - the webhook trigger refuses to replace another consumer's webhook and says whose it is;
 *   - long polling across an n8n restart: an update that arrived while n8n was down is answered
 *     once, and the updates answered before the restart are not answered again;
 *   - long polling waits out a 429's retry_after before asking again;
 *   - deactivation: the webhook trigger removes its own registration, the polling trigger stops
 *     asking Telegram at once and leaves new updates waiting for the next consumer, and n8n logs
 *     no deactivation errors.
 * It runs on n8n 1.x and 2.x (`npm run test:e2e`); where they differ (2.x publishes
 * asynchronously, so a refused webhook does not fail the activation call) the test says so.
 */
import { faults } from '../fakes/fake-server';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { N8nInstance, n8nMajor, waitFor } from './harness';
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

	it('shows the refusal where the user looks when activating on a running server', async () => {
		await n8n.deactivateViaApi(takenFlow.id);
		if (n8nMajor() === 1) {
			// 1.x activates synchronously: the call itself fails with the trigger's message.
			const answer = await n8n.publicApi('POST', `/workflows/${takenFlow.id}/activate`);
			expect(answer.status).toBeGreaterThanOrEqual(400);
			expect(answer.text).toContain(FOREIGN_URL);
		} else {
			// 2.x answers 200 active:true at once and publishes in the background. The editor
			// then shows "Failed publish" / "Partial publish" and the trigger's message, read
			// from GET /rest/workflows/<id>/publication-status (and pushed to an open editor).
			const answer = await n8n.publicApi('POST', `/workflows/${takenFlow.id}/activate`);
			expect(answer.status).toBe(200);
			expect((answer.body as { active?: boolean }).active).toBe(true);
			const status = await waitFor(
				async () => {
					const now = await n8n.publicationStatus(takenFlow.id);
					return ['in_progress', 'not_published'].includes(now.status) ? undefined : now;
				},
				{ timeoutMs: 60_000, describe: () => 'the publication to settle' },
			);
			expect(['failed', 'partial']).toContain(status.status);
			expect(status.triggers.map((t) => t.errorMessage).join('\n')).toContain(FOREIGN_URL);
		}
		expect(telegram.webhookOf(TAKEN_BOT)?.url).toBe(FOREIGN_URL);
	});

	it('long polling waits out a 429 retry_after before asking again', async () => {
		const RETRY_AFTER_S = 3;
		const getUpdates = (r: { path: string }) => r.path === `/bot${POLLING_BOT}/getUpdates`;
		telegram.failNext(
			getUpdates,
			faults.respond(429, {
				ok: false,
				error_code: 429,
				description: `Too Many Requests: retry after ${RETRY_AFTER_S}`,
				parameters: { retry_after: RETRY_AFTER_S },
			}),
		);
		// The poll in flight ends within its 5 s timeout; the next one is refused.
		const refusedCall = () => telegram.requests.find((r) => getUpdates(r) && r.fault !== undefined);
		await until(() => refusedCall() !== undefined, 30_000, 'the refused getUpdates');
		// Only a later getUpdates can fetch this update, so its reply proves the loop asked again.
		telegram.pushUpdate(privateTextUpdate('after a 429'), POLLING_BOT);
		await until(
			() => repliesTo(POLLING_BOT).includes('Echo 1: after a 429'),
			60_000,
			'the reply after the 429',
		);
		const refused = refusedCall()!;
		const next = telegram.requests.find((r) => getUpdates(r) && r.id > refused.id)!;
		expect(next).toBeDefined();
		// Asked again only after retry_after (a little slack for timer granularity).
		expect(next.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 100);
	});
	it('deactivation removes our webhook and stops long polling at once', async () => {
		const logBefore = n8n.log().length;
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
		// Clean: no broken abortable pause (n8n-workflow 2.x lacks sleepWithAbort) and no
		// deactivation that n8n had to retry or report.
		const logSince = n8n.log().slice(logBefore);
		expect(logSince).not.toMatch(/is not a function/);
		expect(logSince).not.toMatch(/problem deactivating|Could not remove|error.*deactivat/i);
	});
});
