/**
 * Templates 2–4 of issue #12 in a real n8n, each imported from workflows/ and filled in as an admin
 * would (credentials pointing at the fakes, the AI task, the operators' group, a Data table):
 *   - telegram-omnidesk-desk: Telegram is the channel, Omnidesk the operators' desk. A dialog is
 *     mirrored into a case, a handoff gives the case to humans, then the AI is no longer asked, and
 *     an operator's reply in Omnidesk reaches the Telegram user;
 *   - wazzup-menu-bot: codes answered from the menu in a private chat and in a group, anything
 *     else handed to a manager;
 *   - contact-captured-crm: a captured contact lands in Wazzup's CRM contacts, or in a Data table.
 * One n8n for all three keeps the CI cost to one start per n8n version.
 */
import path from 'node:path';

import { triggerToken as aiToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { triggerToken as omnideskToken } from '../../nodes/Omnidesk/trigger/webhookUrl';
import {
	buildRulesWebhook,
	DEFAULT_API_KEY,
	FakeOmnidesk,
	type OmnideskMessage,
} from '../fakes/omnidesk';
import { deliverAiWebhook, FakeSelarti } from '../fakes/selarti';
import { FakeTelegram } from '../fakes/telegram';
import { privateTextUpdate } from '../fakes/telegram-updates';
import { DEFAULT_WAZZUP_CHANNELS, FakeWazzup } from '../fakes/wazzup';
import { buildWazzupMessage } from '../fakes/wazzup-webhooks';
import { N8nInstance, waitFor, type N8nExecution } from './harness';
import { filledTemplate, type TemplateNode, type TemplateWorkflow } from './harness/templates';
import { omnideskCredential, selartiCredential } from './omnidesk-support';
import { telegramCredential, until } from './telegram-support';
import { wazzupCredential } from './wazzup-support';

const BOT = '444444444:AAdeskTemplateBotTokenForE2eTests_0';
const BOT_ID = BOT.split(':')[0];
const USER_CHAT = '86815320';
const CLIENT_EMAIL = `${BOT_ID}.${USER_CHAT}@telegram.invalid`;
const SELARTI_KEY = 'templates-e2e-selarti-key';
const WAZZUP_KEY = 'templates-e2e-wazzup-key';
const CHANNEL = DEFAULT_WAZZUP_CHANNELS[0];
const BOT_LABEL = 104; // "ai-handled" in the fake Omnidesk
const AI_STAFF = 41094; // the staff member the Omnidesk credential logs in as
const HUMAN_GROUP = 44;
const OPERATOR = 22;

const IDS = {
	desk: 'e2eTplDesk000001',
	menu: 'e2eTplMenu000001',
	crm: 'e2eTplCrm0000001',
};
const CREDENTIALS = {
	telegram: 'tplTgCred0000001',
	omnidesk: 'tplOdCred0000001',
	selarti: 'tplAiCred0000001',
	wazzup: 'tplWzCred0000001',
};
const CREDENTIAL_TYPES: Array<[RegExp, string, string]> = [
	[/\.telegramBot(Trigger)?$/, 'omnichannelTelegramBotApi', CREDENTIALS.telegram],
	[/\.omnidesk(Trigger)?$/, 'omnichannelOmnideskApi', CREDENTIALS.omnidesk],
	[/\.aiTask(Trigger)?$/, 'selartiApi', CREDENTIALS.selarti],
	[/\.wazzup(Trigger)?$/, 'omnichannelWazzupApi', CREDENTIALS.wazzup],
];

const names = new Map<string, string>();

/** A template with credentials filled in and `edit` applied to each node, as an admin would. */
function filled(file: string, id: string, edit?: (node: TemplateNode) => void): TemplateWorkflow {
	return filledTemplate(
		path.resolve(__dirname, '../../workflows', file),
		id,
		CREDENTIAL_TYPES.map(([nodeType, type, credentialId]) => ({
			nodeType,
			type,
			id: credentialId,
			name: names.get(credentialId) ?? credentialId,
		})),
		edit,
	);
}

const deskWorkflow = () =>
	filled('telegram-omnidesk-desk.json', IDS.desk, (node) => {
		if (node.name === 'Send to AI task') node.parameters.taskId = 'task-1';
		if (node.name === 'Hand the case to humans') node.parameters.groupId = String(HUMAN_GROUP);
	});
const menuWorkflow = () => filled('wazzup-menu-bot.json', IDS.menu);
const crmWorkflow = () => filled('contact-captured-crm.json', IDS.crm);

/** The same template switched to the Data table, on its own path (a task calls one URL). */
function tableWorkflow(tableId: string): TemplateWorkflow {
	return filled('contact-captured-crm.json', 'unused', (node) => {
		if (node.name === 'Contact captured') {
			node.parameters.path = 'contact-captured-table';
			node.webhookId = '3f0b8a52-6f1e-4c55-9a51-6c1d2e3f4a5b';
		}
		if (node.name === 'Settings') {
			const settings = node.parameters.assignments as {
				assignments: Array<{ name: string; value: unknown }>;
			};
			settings.assignments.find((a) => a.name === 'useWazzupCrm')!.value = false;
		}
		if (node.name === 'Save in the Data table') {
			node.disabled = false;
			node.parameters.dataTableId = { __rl: true, mode: 'id', value: tableId };
		}
	});
}

const ran = (execution: N8nExecution | undefined, node: string) =>
	Boolean(execution?.runData[node]?.length);

describe('Templates 2–4 (desk, menu, contact → CRM) in a real n8n', () => {
	const telegram = new FakeTelegram({ tokens: [BOT] });
	const desk = new FakeOmnidesk();
	const selarti = new FakeSelarti({ apiKeys: [SELARTI_KEY] });
	const wazzup = new FakeWazzup({ apiKeys: [WAZZUP_KEY] });
	let n8n: N8nInstance;
	const aiUrl = (aiPath: string) =>
		`${n8n.baseUrl}/webhook/${aiPath}?token=${aiToken(SELARTI_KEY, aiPath)}`;

	beforeAll(async () => {
		await Promise.all([telegram, desk, selarti, wazzup].map((fake) => fake.start()));
		n8n = await N8nInstance.create({ name: 'templates-2-4' });
		const credentials = [
			telegramCredential(CREDENTIALS.telegram, BOT, telegram.apiBaseUrl),
			omnideskCredential(CREDENTIALS.omnidesk, desk),
			selartiCredential(CREDENTIALS.selarti, selarti, SELARTI_KEY),
			wazzupCredential(CREDENTIALS.wazzup, WAZZUP_KEY, wazzup.url),
		];
		for (const credential of credentials) names.set(credential.id, credential.name);
		await n8n.importCredentials(credentials);
		await n8n.importWorkflows([deskWorkflow(), menuWorkflow(), crmWorkflow()]);
		await n8n.activate([IDS.desk, IDS.crm]);
		await n8n.start();
		// Wazzup probes the URL before it accepts it: activated once n8n listens.
		await n8n.activateViaApi(IDS.menu);
		await until(
			() =>
				telegram.webhookOf(BOT) !== undefined &&
				(wazzup.webhooks.webhooksUri ?? '').startsWith(n8n.baseUrl),
			30_000,
			'the Telegram and Wazzup webhooks registered',
		);
		await n8n.waitForWebhook('telegram-omnidesk-ai');
		await n8n.waitForWebhook('contact-captured-crm');
	}, 180_000);

	afterAll(async () => {
		await n8n?.stop();
		await Promise.all([telegram, desk, selarti, wazzup].map((fake) => fake.stop()));
	});

	describe('Telegram bot with Omnidesk as the operators’ desk', () => {
		const clientCase = () => desk.cases.find((kase) => kase.case_id >= 3000);
		const telegramTexts = () => telegram.sentTo(USER_CHAT, BOT).map((m) => m.text);
		const say = async (text: string) => {
			const update = telegram.pushUpdate(privateTextUpdate(text), BOT);
			await telegram.waitForWebhookDelivery(update.update_id as number, 15_000);
		};

		it('a first message opens a case with the bot label and reaches the AI with the right key; the answer reaches the chat and the case', async () => {
			selarti.setAutoReply(aiUrl('telegram-omnidesk-ai'));
			await say('Hello, do you ship to Berlin?');
			await until(
				() => telegramTexts().includes('AI: Hello, do you ship to Berlin?'),
				30_000,
				'the AI answer on Telegram',
			);
			// The fake Selarti accepts only SELARTI_KEY: a send it recorded was authenticated with it.
			expect(selarti.sent).toEqual([
				expect.objectContaining({
					task_id: 'task-1',
					chat_id: `telegram:${BOT_ID}:${USER_CHAT}`,
					text: 'Hello, do you ship to Berlin?',
				}),
			]);
			const kase = clientCase();
			expect(kase).toMatchObject({ labels: [BOT_LABEL], status: 'open' });
			await until(() => desk.messagesOf(kase!.case_id).length === 2, 30_000, 'the mirror');
			expect(
				desk
					.messagesOf(kase!.case_id)
					.map((m) => [m.staff_id === 0 ? 'client' : m.staff_id, m.content]),
			).toEqual([
				['client', 'Hello, do you ship to Berlin?'],
				[AI_STAFF, 'AI: Hello, do you ship to Berlin?'],
			]);
		});

		it('the next message joins the same case as the client’s and goes to the AI', async () => {
			await say('And to Munich?');
			await until(
				() => telegramTexts().includes('AI: And to Munich?'),
				30_000,
				'the second AI answer',
			);
			expect(desk.cases.filter((kase) => kase.case_id >= 3000)).toHaveLength(1);
			await until(() => desk.messagesOf(clientCase()!.case_id).length === 4, 30_000, 'mirror');
			expect(desk.messagesOf(clientCase()!.case_id)[2]).toMatchObject({
				staff_id: 0,
				content: 'And to Munich?',
			});
			expect(selarti.sent.map((m) => m.text)).toEqual([
				'Hello, do you ship to Berlin?',
				'And to Munich?',
			]);
		});

		it('a handoff gives the case to the operators; from then on the AI is not asked', async () => {
			const delivery = await deliverAiWebhook(aiUrl('telegram-omnidesk-ai'), {
				external_chat_id: `telegram:${BOT_ID}:${USER_CHAT}`,
				message_id: 'desk-handoff-1',
				message_type: 'operator',
				is_bot: false,
				operator: true,
				message_text: 'One moment, a colleague will help you.',
				panel_url: 'https://selarti.example/panel/dialog/desk',
			});
			expect(delivery.status).toBe(200);
			await until(
				() => clientCase()?.group_id === HUMAN_GROUP && !clientCase()?.labels.includes(BOT_LABEL),
				30_000,
				'the case with the operators',
			);
			await until(
				() => telegramTexts().includes('One moment, a colleague will help you.'),
				30_000,
				'the handoff words on Telegram',
			);

			const before = await n8n.waitUntilIdle();
			await say('Hello? Is anybody there?');
			await until(
				() =>
					desk
						.messagesOf(clientCase()!.case_id)
						.some((m) => m.content === 'Hello? Is anybody there?' && m.staff_id === 0),
				30_000,
				'the client message in the case',
			);
			await n8n.waitUntilIdle();
			const run = (await n8n.executions(IDS.desk)).find(
				(execution) =>
					Number(execution.id) > before && ran(execution, 'Add the message to the case'),
			);
			expect(run?.status).toBe('success');
			expect(ran(run, 'Send to AI task')).toBe(false);
			expect(selarti.sent).toHaveLength(2);
		});

		it('an operator’s reply in Omnidesk reaches the Telegram user; the mirrored AI answers do not come back', async () => {
			const url = `${n8n.baseUrl}/webhook/telegram-omnidesk-operators?token=${omnideskToken(DEFAULT_API_KEY, 'telegram-omnidesk-operators')}`;
			const kase = clientCase()!;
			const rule = (message: OmnideskMessage) =>
				buildRulesWebhook(
					{ kase, message, user: { email: CLIENT_EMAIL } },
					{ event: 'staff_reply' },
				);
			const staffMessage = (staffId: number, text: string) =>
				Object.assign(desk.addClientMessage(kase.case_id, text), { staff_id: staffId, user_id: 0 });

			// The rule also fires for each AI answer the workflow mirrors as the credential's own
			// staff member: the trigger drops it, or the user would get every AI answer twice.
			const own = await desk.deliverWebhook(url, rule(staffMessage(AI_STAFF, 'AI: mirrored')));
			expect(own.status).toBe(200);
			expect(JSON.stringify(own.body)).toMatch(/credential's own user/);

			const reply = staffMessage(OPERATOR, 'Hi, this is Anna. Munich is fine too.');
			const delivery = await desk.deliverWebhook(url, rule(reply));
			expect(delivery.status).toBe(200);
			await until(
				() => telegramTexts().includes('Hi, this is Anna. Munich is fine too.'),
				30_000,
				'the operator reply on Telegram',
			);
			await n8n.waitUntilIdle();
			expect(telegramTexts()).not.toContain('AI: mirrored');
		});
	});

	describe('WhatsApp menu bot (Wazzup)', () => {
		const from = (chatType: string, chatId: string, text: string) =>
			wazzup.deliverMessages(
				buildWazzupMessage({ channelId: CHANNEL.channelId, chatType, chatId, text }),
			);

		it('answers a code from the menu in a private chat and in a group, marking the chat answered', async () => {
			await from('whatsapp', '79011112233', ' 2 ');
			await from('whatsgroup', '120363041234567890', '4');
			await until(
				() =>
					wazzup.sentTo('79011112233').length === 1 &&
					wazzup.sentTo('120363041234567890').length === 1,
				30_000,
				'both menu answers',
			);
			expect(wazzup.sentTo('79011112233')[0]).toMatchObject({
				chatType: 'whatsapp',
				text: expect.stringContaining('1 Example Street'),
				body: expect.objectContaining({ clearUnanswered: true }),
			});
			expect(wazzup.sentTo('120363041234567890')[0]).toMatchObject({
				chatType: 'whatsgroup',
				text: expect.stringContaining('Track your order'),
			});
		});

		it('hands anything else to a manager: the client is told, the manager gets the chat and the text', async () => {
			await from('whatsapp', '79022223344', 'Can I pay by card?');
			await until(() => wazzup.sentTo('79000000000').length === 1, 30_000, 'the manager’s notice');
			expect(wazzup.sentTo('79022223344').map((m) => m.text)).toEqual([
				expect.stringContaining('A manager will answer you here shortly'),
			]);
			expect(wazzup.sentTo('79022223344')[0].body.clearUnanswered).not.toBe(true);
			expect(wazzup.sentTo('79000000000')[0].text).toEqual(
				expect.stringMatching(/79022223344 \(whatsapp\)[\s\S]*Can I pay by card\?/),
			);
		});
	});

	describe('Contact captured → CRM', () => {
		it('creates or updates the contact in Wazzup’s CRM contacts', async () => {
			const delivery = await deliverAiWebhook(aiUrl('contact-captured-crm'), {
				external_chat_id: `wazzup:${CHANNEL.channelId}:whatsapp:79011112233`,
				message_id: 'crm-contact-1',
				get_contact: true,
				contacts: 'Ivan, +7 901 111-22-33, ivan@example.com',
			});
			expect(delivery.status).toBe(200);
			await until(
				() => wazzup.crm.contacts.has('selarti-79011112233'),
				30_000,
				'the Wazzup contact',
			);
			expect(wazzup.crm.contacts.get('selarti-79011112233')).toEqual({
				id: 'selarti-79011112233',
				responsibleUserId: 'crm-user-1',
				name: '79011112233',
				contactData: [{ chatType: 'whatsapp', chatId: '79011112233' }],
			});
		});

		it('without a CRM, keeps one row per dialog in a Data table', async () => {
			const project = await n8n.rest('GET', '/projects/personal');
			const projectId = (project.body as { data: { id: string } }).data.id;
			const created = await n8n.rest('POST', `/projects/${projectId}/data-tables`, {
				name: 'captured contacts',
				columns: ['dialog', 'channel', 'phone', 'email', 'name'].map((name) => ({
					name,
					type: 'string',
				})),
			});
			expect(created.status).toBe(200);
			const tableId = (created.body as { data: { id: string } }).data.id;
			const workflow = tableWorkflow(tableId);
			const saved = await n8n.publicApi('POST', '/workflows', {
				name: workflow.name,
				nodes: workflow.nodes,
				connections: workflow.connections,
				settings: workflow.settings,
			});
			expect(saved.status).toBe(200);
			await n8n.activateViaApi((saved.body as { id: string }).id);
			await n8n.waitForWebhook('contact-captured-table');

			const dialog = `telegram:${BOT_ID}:${USER_CHAT}`;
			const capture = (contacts: unknown, id: string) =>
				deliverAiWebhook(aiUrl('contact-captured-table'), {
					external_chat_id: dialog,
					message_id: id,
					get_contact: true,
					contacts,
				});
			const rows = async () =>
				(
					(await n8n.rest('GET', `/projects/${projectId}/data-tables/${tableId}/rows`)).body as {
						data: { data: Array<Record<string, unknown>> };
					}
				).data.data;
			await capture({ name: 'Anna', email: 'anna@example.com' }, 'table-1');
			const eventually = (check: (list: Array<Record<string, unknown>>) => boolean, what: string) =>
				waitFor(async () => ((await check(await rows())) ? true : undefined), {
					timeoutMs: 30_000,
					describe: () => what,
				});
			await eventually((list) => list.length === 1, 'the first row');
			await capture(
				{ name: 'Anna', email: 'anna@example.com', phone: '+49 151 1234 5678' },
				'table-2',
			);
			await eventually((list) => list[0]?.phone === '4915112345678', 'the row with the phone');
			expect(await rows()).toEqual([
				expect.objectContaining({
					dialog,
					channel: 'telegram',
					email: 'anna@example.com',
					name: 'Anna',
				}),
			]);
			expect(wazzup.crm.contacts.size).toBe(1);
		});
	});
});
