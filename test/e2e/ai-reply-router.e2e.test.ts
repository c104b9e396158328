/**
 * The AI reply router template (workflows/ai-reply-router.json) in a real n8n: one AI Task Trigger
 * takes the AI's answers back to Telegram, Wazzup, 360dialog and Omnidesk by the conversation
 * key's channel; a handoff reaches each channel's humans; a closed dialog closes its Omnidesk case;
 * a key no branch knows fails loudly with the key in the error.
 */
import path from 'node:path';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { DEFAULT_360DIALOG_KEY, FakeDialog360 } from '../fakes/dialog360';
import { FakeOmnidesk } from '../fakes/omnidesk';
import { deliverAiWebhook, FakeSelarti } from '../fakes/selarti';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../fakes/telegram';
import { DEFAULT_WAZZUP_CHANNELS, FakeWazzup } from '../fakes/wazzup';
import { N8nInstance, type WorkflowJson } from './harness';
import { filledTemplate } from './harness/templates';
import { omnideskCredential, selartiCredential } from './omnidesk-support';
import { telegramCredential, until } from './telegram-support';
import { wazzupCredential } from './wazzup-support';

const TEMPLATE_FILE = path.resolve(__dirname, '../../workflows/ai-reply-router.json');
const WORKFLOW_ID = 'e2eAiRouter00001';
const AI_PATH = 'ai-reply-router';
const SELARTI_KEY = 'router-e2e-selarti-key';
const WAZZUP_KEY = 'router-e2e-wazzup-key';
const BOT_ID = DEFAULT_TELEGRAM_TOKEN.split(':')[0];
const CHANNEL = DEFAULT_WAZZUP_CHANNELS[0];
const CASE = 2001;
const BOT_LABEL = 104; // "ai-handled" in the fake Omnidesk
const HUMAN_GROUP = 44;

const KEYS = {
	telegram: `telegram:${BOT_ID}:86815320`,
	wazzup: `wazzup:${CHANNEL.channelId}:whatsapp:79011112233`,
	dialog360: '360dialog:default:972987654321',
	omnidesk: `omnidesk:${CASE}`,
};

const CREDENTIALS = {
	telegram: 'routerTgCred0001',
	wazzup: 'routerWzCred0001',
	dialog360: 'router360Cred001',
	omnidesk: 'routerOdCred0001',
	selarti: 'routerAiCred0001',
};

/** The credential names the imported fixtures carry (each support helper names its own). */
const names = new Map<string, string>();
const nameOf = (id: string) => names.get(id) ?? id;

/** The template with every credential and the human group filled in, as an admin would. */
function routerWithFakes(): WorkflowJson {
	const byType: Array<[RegExp, string, string]> = [
		[/\.telegramBot$/, 'omnichannelTelegramBotApi', CREDENTIALS.telegram],
		[/\.wazzup$/, 'omnichannelWazzupApi', CREDENTIALS.wazzup],
		[/\.dialog360$/, 'omnichannel360DialogApi', CREDENTIALS.dialog360],
		[/\.omnidesk$/, 'omnichannelOmnideskApi', CREDENTIALS.omnidesk],
		[/\.aiTaskTrigger$/, 'selartiApi', CREDENTIALS.selarti],
	];
	return filledTemplate(
		TEMPLATE_FILE,
		WORKFLOW_ID,
		byType.map(([nodeType, type, id]) => ({ nodeType, type, id, name: nameOf(id) })),
		(node) => {
			if (node.name === 'Hand the Omnidesk case to humans')
				node.parameters.groupId = String(HUMAN_GROUP);
		},
	);
}

describe('AI reply router template in a real n8n', () => {
	const telegram = new FakeTelegram();
	const wazzup = new FakeWazzup({ apiKeys: [WAZZUP_KEY] });
	const dialog = new FakeDialog360();
	const desk = new FakeOmnidesk();
	const selarti = new FakeSelarti({ apiKeys: [SELARTI_KEY] });
	let n8n: N8nInstance;
	let aiUrl = '';

	beforeAll(async () => {
		await Promise.all([telegram, wazzup, dialog, desk, selarti].map((fake) => fake.start()));
		desk.caseOf(CASE).labels = [101, BOT_LABEL];
		n8n = await N8nInstance.create({ name: 'ai-reply-router' });
		const credentials = [
			telegramCredential(CREDENTIALS.telegram, DEFAULT_TELEGRAM_TOKEN, telegram.apiBaseUrl),
			wazzupCredential(CREDENTIALS.wazzup, WAZZUP_KEY, wazzup.url),
			{
				id: CREDENTIALS.dialog360,
				name: `360dialog ${CREDENTIALS.dialog360}`,
				type: 'omnichannel360DialogApi',
				data: { apiKey: DEFAULT_360DIALOG_KEY, apiVariant: 'cloud', baseUrl: dialog.url },
			},
			omnideskCredential(CREDENTIALS.omnidesk, desk),
			selartiCredential(CREDENTIALS.selarti, selarti, SELARTI_KEY),
		];
		for (const credential of credentials) names.set(credential.id, credential.name);
		await n8n.importCredentials(credentials);
		await n8n.importWorkflows([routerWithFakes()]);
		await n8n.activate([WORKFLOW_ID]);
		await n8n.start();
		await n8n.waitForWebhook(AI_PATH);
		aiUrl = `${n8n.baseUrl}/webhook/${AI_PATH}?token=${triggerToken(SELARTI_KEY, AI_PATH)}`;
	}, 180_000);

	afterAll(async () => {
		await n8n?.stop();
		await Promise.all([telegram, wazzup, dialog, desk, selarti].map((fake) => fake.stop()));
	});

	const answer = async (key: string, text: string, extra: Record<string, unknown> = {}) => {
		const delivery = await deliverAiWebhook(aiUrl, {
			external_chat_id: key,
			message_id: `router-${Math.random().toString(36).slice(2)}`,
			message_text: text,
			...extra,
		});
		expect(delivery.status).toBe(200);
	};

	it('takes each AI answer back to the channel its conversation key names', async () => {
		await answer(KEYS.telegram, 'AI on Telegram');
		await answer(KEYS.wazzup, 'AI on Wazzup');
		await answer(KEYS.dialog360, 'AI on 360dialog');
		await answer(KEYS.omnidesk, 'AI in the case');

		await until(
			() => telegram.sentTo('86815320').some((m) => m.text === 'AI on Telegram'),
			30_000,
			'the Telegram reply',
		);
		await until(
			() => wazzup.sentTo('79011112233').some((m) => m.text === 'AI on Wazzup'),
			30_000,
			'the Wazzup reply',
		);
		await until(
			() =>
				dialog
					.sentTo('972987654321')
					.some((m) => JSON.stringify(m.body).includes('AI on 360dialog')),
			30_000,
			'the 360dialog reply',
		);
		await until(
			() => desk.addedTo(CASE).some((m) => JSON.stringify(m).includes('AI in the case')),
			30_000,
			'the reply in the Omnidesk case',
		);
		// Each answer went to its own channel only.
		expect(telegram.sent).toHaveLength(1);
		expect(wazzup.sent).toHaveLength(1);
		expect(dialog.sent).toHaveLength(1);
		expect(desk.addedTo(CASE)).toHaveLength(1);
	});

	it('fails loudly, naming the key, when no branch knows the channel', async () => {
		const before = await n8n.waitUntilIdle();
		const prior = (await n8n.executions(WORKFLOW_ID)).length;
		await answer('viber:42', 'Nobody can send this');
		const executions = await n8n.waitForExecutions(WORKFLOW_ID, prior + 1);
		const run = executions.find((execution) => Number(execution.id) > before);
		expect(run?.status).toBe('error');
		expect(JSON.stringify(run)).toContain('No channel in this workflow can answer conversation');
		expect(JSON.stringify(run)).toContain('viber:42');
		expect(telegram.sent).toHaveLength(1);
		expect(wazzup.sent).toHaveLength(1);
	});

	it('a handoff reaches each channel’s humans; an Omnidesk case goes to the human group', async () => {
		const handoff = { message_type: 'operator', operator: true, is_bot: false };
		await answer(KEYS.telegram, 'Operator here', {
			...handoff,
			panel_url: 'https://selarti.example/panel/dialog/tg',
		});
		await answer(KEYS.omnidesk, 'Operator here', {
			...handoff,
			panel_url: 'https://selarti.example/panel/dialog/od',
		});
		await until(
			() =>
				telegram
					.sentTo('-1001234567890')
					.some((m) => (m.text ?? '').includes('https://selarti.example/panel/dialog/tg')),
			30_000,
			'the Telegram managers’ notice',
		);
		await until(
			() => desk.caseOf(CASE).group_id === HUMAN_GROUP,
			30_000,
			'the Omnidesk case with the human group',
		);
		expect(desk.caseOf(CASE).labels).toEqual([101]);
	});

	it('a closed dialog closes its Omnidesk case', async () => {
		await answer(KEYS.omnidesk, 'Goodbye', { close: true });
		await until(() => desk.caseOf(CASE).status === 'closed', 30_000, 'the case closed');
	});
});
