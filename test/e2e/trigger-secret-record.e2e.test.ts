/**
 * The remembered webhook secret inside a real n8n (issue #15): activation stores a salted digest
 * of the expected secret in the node's static data (nodes/shared/webhook/secretDigest.ts), n8n
 * saves it, and webhook() checks deliveries against it without reading the credential. Proved by
 * changing the credentials on the running n8n: the Telegram trigger keeps accepting the secret it
 * registered (and the bot id it registered), which a per-request credential read would refuse;
 * the AI Task Trigger accepts the pasted URL beside the new key's one until a delivery arrives on
 * the new one (n8n saves the refreshed record before the run starts) or it is activated again;
 * either retires the old token (docs/architecture.md, "Webhook rules").
 */
import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { buildAiWebhook } from '../fakes/selarti';
import { PACKAGE_NAME as PACKAGE } from '../helpers/node-harness';
import { N8nInstance, nodeOutput, waitFor, type WorkflowJson } from './harness';

const BOT = '555555555:AAsecretRecordBotTokenForE2e_000000';
const OTHER_BOT = '666666666:AAanotherBotTokenForTheSameCred_00';
const API_KEY = 'record-selarti-key';
const ROTATED_KEY = 'record-selarti-key-rotated';
const AI_PATH = 'e2e-secret-record';

const SELARTI = { id: 'e2eRecordSelart1', name: 'Selarti (record)' };
const TELEGRAM = { id: 'e2eRecordTelegr1', name: 'Telegram (record)' };

function triggerToNoOp(id: string, trigger: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name: `e2e: ${String(trigger.type)} -> No Operation`,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				typeVersion: 1,
				position: [0, 0],
				...trigger,
			},
			{
				id: `${id}-noop`,
				name: 'No Operation',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [250, 0],
				parameters: {},
			},
		] as WorkflowJson['nodes'],
		connections: { Trigger: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const aiTaskFlow = triggerToNoOp('e2eRecordAiTask1', {
	type: `${PACKAGE}.aiTaskTrigger`,
	webhookId: 'c1000000-0000-4000-8000-0000000000a1',
	parameters: { path: AI_PATH },
	credentials: { selartiApi: SELARTI },
});
const telegramFlow = triggerToNoOp('e2eRecordTelegr1', {
	type: `${PACKAGE}.telegramBotTrigger`,
	webhookId: 'c1000000-0000-4000-8000-0000000000b1',
	parameters: { events: ['message'], options: {} },
	credentials: { omnichannelTelegramBotApi: TELEGRAM },
});

describe('webhook secrets remembered at activation (real n8n)', () => {
	const telegram = new FakeTelegram({ tokens: [BOT, OTHER_BOT] });
	let n8n: N8nInstance;

	beforeAll(async () => {
		await telegram.start();
		n8n = await N8nInstance.create({ name: 'secret-record' });
		await n8n.importCredentials([
			{
				...SELARTI,
				type: 'selartiApi',
				data: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9/api/1.1' },
			},
			{
				...TELEGRAM,
				type: 'omnichannelTelegramBotApi',
				data: { accessToken: BOT, baseUrl: telegram.apiBaseUrl },
			},
		]);
		await n8n.importWorkflows([aiTaskFlow, telegramFlow]);
		await n8n.activate([aiTaskFlow.id, telegramFlow.id]);
		await n8n.start();
		await n8n.waitForWebhook(AI_PATH);
		await waitFor(async () => telegram.webhookOf(BOT), {
			timeoutMs: 60_000,
			describe: () => 'the Telegram Bot Trigger to set its webhook',
		});
	}, 180_000);

	afterAll(async () => {
		await n8n?.stop();
		await telegram.stop();
	});

	const staticDataOf = async (workflowId: string): Promise<string> => {
		const response = await n8n.publicApi('GET', `/workflows/${workflowId}`);
		expect(response.status).toBe(200);
		return JSON.stringify((response.body as { staticData?: unknown }).staticData ?? null);
	};

	const postAi = async (token: string, messageId: number) =>
		await n8n.post(AI_PATH, buildAiWebhook({ message_id: messageId }), {}, { token });

	const updateCredential = async (
		credential: { id: string; name: string },
		type: string,
		data: Record<string, string>,
	) => {
		const response = await n8n.rest('PATCH', `/credentials/${credential.id}`, {
			...credential,
			type,
			data,
		});
		expect(response.status).toBe(200);
	};

	it('activation saves a salted digest in static data, never the secret itself', async () => {
		const secret = telegram.webhookOf(BOT)?.secret_token ?? '';
		const token = triggerToken(API_KEY, AI_PATH);
		for (const [workflowId, plain] of [
			[telegramFlow.id, secret],
			[aiTaskFlow.id, token],
		]) {
			const stored = await staticDataOf(workflowId);
			expect(stored).toMatch(/"webhookSecret":\{"salt":"[0-9a-f]{32}","digest":"[0-9a-f]{64}"/);
			expect(plain.length).toBeGreaterThan(16);
			expect(stored).not.toContain(plain);
		}
		expect(await staticDataOf(telegramFlow.id)).toContain('"botId":"555555555"');
	});

	it('a wrong secret still gets 403 and starts no run', async () => {
		const before = await n8n.waitUntilIdle();
		const forgedAi = await postAi('x'.repeat(32), 1);
		expect(forgedAi.status).toBe(403);
		const forgedTelegram = await n8n.webhook(
			'POST',
			new URL(telegram.webhookOf(BOT)?.url ?? '').pathname.replace(/^\/webhook\//, ''),
			privateTextUpdate('forged', { updateId: 1 }),
			{ headers: { 'x-telegram-bot-api-secret-token': 'y'.repeat(32) } },
		);
		expect(forgedTelegram.status).toBe(403);
		// The next genuine delivery gets the very next execution id: nothing ran in between.
		expect((await postAi(triggerToken(API_KEY, AI_PATH), 2)).status).toBe(200);
		const [execution] = (await n8n.waitForExecutions(aiTaskFlow.id, 1)).slice(-1);
		expect(Number(execution.id)).toBe(before + 1);
	});

	it('Telegram: deliveries are checked against the registered secret, not the credential', async () => {
		// Another bot's token in the credential: a per-request derivation would now expect another
		// secret and refuse Telegram's deliveries until the workflow is activated again.
		await updateCredential(TELEGRAM, 'omnichannelTelegramBotApi', {
			accessToken: OTHER_BOT,
			baseUrl: telegram.apiBaseUrl,
		});
		const update = telegram.pushUpdate(privateTextUpdate('still registered'), BOT);
		const executions = await n8n.waitForExecutions(telegramFlow.id, 1);
		const item = nodeOutput(executions[executions.length - 1], 'Trigger')[0].json;
		expect(item).toMatchObject({
			conversation: { key: expect.stringMatching(/^telegram:555555555:/) },
			message: { text: 'still registered' },
		});
		expect(telegram.pendingUpdates(BOT)).not.toContainEqual(update);
	});

	it('AI Task: after a key change the old URL works until the new one is used or the workflow is activated again', async () => {
		const oldToken = triggerToken(API_KEY, AI_PATH);
		const newToken = triggerToken(ROTATED_KEY, AI_PATH);
		await updateCredential(SELARTI, 'selartiApi', {
			apiKey: ROTATED_KEY,
			baseUrl: 'http://127.0.0.1:9/api/1.1',
		});
		// The URL pasted into Selarti keeps working (the record), the new one too (the credential).
		expect((await postAi(oldToken, 3)).status).toBe(200);
		expect((await postAi(newToken, 4)).status).toBe(200);
		// That delivery remembered the new key's token, and n8n saved it: the old URL is retired.
		await n8n.waitUntilIdle();
		expect((await postAi(oldToken, 40)).status).toBe(403);
		expect((await postAi(newToken, 41)).status).toBe(200);

		// Activating again remembers the new key's token: the old URL is retired.
		await n8n.deactivateViaApi(aiTaskFlow.id);
		await n8n.activateViaApi(aiTaskFlow.id);
		await n8n.waitForWebhook(AI_PATH);
		const stored = await staticDataOf(aiTaskFlow.id);
		expect(stored).toContain('"webhookSecret"');
		expect(stored).not.toContain(newToken);
		const before = await n8n.waitUntilIdle();
		expect((await postAi(oldToken, 5)).status).toBe(403);
		expect((await postAi(newToken, 6)).status).toBe(200);
		const executions = await n8n.waitForExecutions(aiTaskFlow.id, 5);
		expect(Number(executions[executions.length - 1].id)).toBe(before + 1);
	});
});
