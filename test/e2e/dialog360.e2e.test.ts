/**
 * 360dialog inside a real n8n (issue 10 "Done when"): the packed package, credentials pointing at
 * the fake 360dialog API (one API key per workflow, since a number has one webhook), and
 *   - the credential's Test button (GET /v1/configs/webhook with D360-API-KEY);
 *   - an active trigger that registers itself (POST /v1/configs/webhook with the secret header),
 *     refuses a forged delivery, receives a button reply and answers with a 5-option menu that
 *     arrives as a list and a 12-option menu that arrives as numbered text;
 *   - the shipped template, imported with credentials for the fakes: a whole dialog (user → AI →
 *     user, the AI's buttons as WhatsApp buttons, the closed 24-hour window → the template, an
 *     operator handoff → the manager's note).
 */
import path from 'node:path';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { buildInteractiveReplyWebhook, buildTextWebhook, FakeDialog360 } from '../fakes/dialog360';
import { deliverAiWebhook, FakeSelarti } from '../fakes/selarti';
import { N8nInstance, nodeOutput, type WorkflowJson } from './harness';
import { channelTemplate } from './harness/templates';
import { PACKAGE, until } from './telegram-support';

const MENU_KEY = 'e2e-360dialog-menu-key';
const TEMPLATE_KEY = 'e2e-360dialog-template-key';
const TAKEOVER_KEY = 'e2e-360dialog-takeover-key';
const FOREIGN = {
	url: 'https://crm.example.com/whatsapp-hook',
	headers: { Authorization: 'Basic Y3Jt' },
};
const USER = '972987654321';
const MANAGER = '4915112345678'; // the template's placeholder, which its sticky note says to replace
const SELARTI_KEY = 'test-selarti-key';
const SECRET_HEADER = 'x-omnichannel-webhook-secret';

const credential = (id: string, apiKey: string, baseUrl: string) => ({
	id,
	name: `360dialog ${id}`,
	type: 'omnichannel360DialogApi',
	data: { apiKey, apiVariant: 'cloud', baseUrl },
});

const uses = (id: string) => ({ omnichannel360DialogApi: { id, name: `360dialog ${id}` } });

/** Trigger → "You chose: …" → a 5-option menu → a 12-option menu, all to the sender. */
function menuWorkflow(): WorkflowJson {
	const options = (count: number) =>
		Array.from({ length: count }, (_, i) => `Option ${i + 1}`).join('\n');
	const send = (name: string, x: number, parameters: Record<string, unknown>) => ({
		id: `e2e360-${name.replace(/\W/g, '')}`,
		name,
		type: `${PACKAGE}.dialog360`,
		typeVersion: 1,
		position: [x, 0] as [number, number],
		parameters: {
			resource: 'message',
			chatId: "={{ $('Trigger').item.json.conversation.key }}",
			...parameters,
		},
		credentials: uses('d360MenuCred0001'),
	});
	return {
		id: 'e2e360Menu000001',
		name: 'e2e: 360dialog button reply -> menus',
		nodes: [
			{
				id: 'e2e360-trigger',
				name: 'Trigger',
				type: `${PACKAGE}.dialog360Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: '0c6b2f1e-3d4a-4b5c-8d6e-7f8091a2b3c4',
				parameters: { events: ['message'], options: {} },
				credentials: uses('d360MenuCred0001'),
			},
			send('Confirm', 250, {
				operation: 'sendText',
				text: '=You chose: {{ $json.message.text }} ({{ $json.message.replyId }})',
				options: {},
			}),
			send('Five options', 500, {
				operation: 'sendChoices',
				text: 'Pick one of five',
				choices: options(5),
				options: {},
			}),
			send('Twelve options', 750, {
				operation: 'sendChoices',
				text: 'Pick one of twelve',
				choices: options(12),
				options: {},
			}),
		],
		connections: {
			Trigger: { main: [[{ node: 'Confirm', type: 'main', index: 0 }]] },
			Confirm: { main: [[{ node: 'Five options', type: 'main', index: 0 }]] },
			'Five options': { main: [[{ node: 'Twelve options', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** A trigger told to take over the number's webhook from another program. */
function takeoverWorkflow(): WorkflowJson {
	return {
		id: 'e2e360Takeover01',
		name: 'e2e: 360dialog take over and restore',
		nodes: [
			{
				id: 'e2e360-takeover',
				name: 'Trigger',
				type: `${PACKAGE}.dialog360Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: '5d7e9f10-2a3b-4c4d-9e5f-60718293a4b5',
				parameters: { events: ['message'], options: { takeOverWebhook: true } },
				credentials: uses('d360TakeCred0001'),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** The shipped template with credentials and a task id filled in, as a user would. */
function templateWorkflow(): WorkflowJson {
	return channelTemplate(
		path.resolve(__dirname, '../../workflows/360dialog-ai-assistant.json'),
		'e2e360Template01',
		{
			channel: {
				nodeType: /\.dialog360(Trigger)?$/,
				type: 'omnichannel360DialogApi',
				id: 'd360TplCred00001',
				name: '360dialog d360TplCred00001',
			},
			selarti: { id: 'e2eSelartiCred03', name: 'Selarti (fake)' },
			taskId: 'task-1',
		},
	);
}

describe('360dialog in a real n8n', () => {
	const dialog = new FakeDialog360({ apiKeys: [MENU_KEY, TEMPLATE_KEY, TAKEOVER_KEY] });
	const selarti = new FakeSelarti();
	let n8n: N8nInstance;
	let template: WorkflowJson;

	beforeAll(async () => {
		await dialog.start();
		await selarti.start();
		n8n = await N8nInstance.create({ name: 'dialog360' });
		await n8n.importCredentials([
			credential('d360MenuCred0001', MENU_KEY, dialog.url),
			credential('d360TplCred00001', TEMPLATE_KEY, dialog.url),
			credential('d360TakeCred0001', TAKEOVER_KEY, dialog.url),
			{
				id: 'e2eSelartiCred03',
				name: 'Selarti (fake)',
				type: 'selartiApi',
				data: { baseUrl: selarti.apiBaseUrl, apiKey: SELARTI_KEY, sessionToken: '' },
			},
		]);
		template = templateWorkflow();
		// Another program already receives this number's deliveries.
		dialog.webhooks.set(TAKEOVER_KEY, FOREIGN);
		await n8n.importWorkflows([menuWorkflow(), template, takeoverWorkflow()]);
		await n8n.activate([menuWorkflow().id, template.id!, takeoverWorkflow().id]);
		await n8n.start();
		await until(
			() =>
				dialog.webhooks.has(MENU_KEY) &&
				dialog.webhooks.has(TEMPLATE_KEY) &&
				dialog.webhooks.get(TAKEOVER_KEY)?.url !== FOREIGN.url,
			30_000,
			'both triggers registered with the fake 360dialog',
		);
	});

	afterAll(async () => {
		await n8n?.stop();
		await selarti.stop();
		await dialog.stop();
	});

	it('the trigger registered itself with a secret header and refuses a forged delivery', async () => {
		const config = dialog.webhooks.get(MENU_KEY);
		expect(config?.url).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/`));
		expect(config?.headers?.['X-Omnichannel-Webhook-Secret']).toMatch(/^[A-Za-z0-9_-]{32}$/);
		const forged = await fetch(config!.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [SECRET_HEADER]: 'guess' },
			body: JSON.stringify(buildTextWebhook('forged')),
		});
		expect(forged.status).toBe(403);
	});

	it('the credential Test button reads the webhook config: the right key passes, a wrong one fails', async () => {
		const test = async (apiKey: string) => {
			const response = await n8n.rest('POST', '/credentials/test', {
				credentials: { ...credential('d360MenuCred0001', apiKey, dialog.url) },
			});
			expect(response.status).toBe(200);
			return (response.body as { data: { status: string; message: string } }).data;
		};
		expect(await test(MENU_KEY)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = await test('not-the-360dialog-key');
		expect(wrong.status).toBe('Error');
		expect(JSON.stringify(wrong)).not.toContain('not-the-360dialog-key');
		expect(
			dialog.requests.some((r) => r.method === 'GET' && r.path === '/v1/configs/webhook'),
		).toBe(true);
	});

	it('a button reply is answered; 5 options arrive as a list, 12 as numbered text', async () => {
		const delivery = await dialog.deliverWebhook(
			buildInteractiveReplyWebhook(
				'button_reply',
				{ id: 'menu', title: 'Show menu' },
				{ from: USER },
			),
			{ apiKey: MENU_KEY },
		);
		expect(delivery.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(menuWorkflow().id, 1);
		expect(execution.status).toBe('success');

		const sent = dialog.sentTo(USER).filter((m) => m.apiKey === MENU_KEY);
		expect(sent.map((m) => m.type)).toEqual(['text', 'interactive', 'text']);
		expect(sent[0].body.text).toEqual({ body: 'You chose: Show menu (menu)' });
		const list = sent[1].body.interactive as {
			type: string;
			action: { sections: Array<{ rows: Array<{ title: string }> }> };
		};
		expect(list.type).toBe('list');
		expect(list.action.sections[0].rows.map((r) => r.title)).toEqual([
			'Option 1',
			'Option 2',
			'Option 3',
			'Option 4',
			'Option 5',
		]);
		const menu = (sent[2].body.text as { body: string }).body;
		expect(menu.startsWith('Pick one of twelve\n\n1. Option 1\n2. Option 2')).toBe(true);
		expect(menu).toContain('\n12. Option 12');
		expect(nodeOutput(execution, 'Twelve options')[0].json.layout).toBe('text');
	});

	it('template: a whole dialog — AI answer, AI buttons, closed window → template, handoff → manager', async () => {
		const aiTrigger = `${n8n.baseUrl}/webhook/360dialog-ai-assistant?token=${triggerToken(SELARTI_KEY, '360dialog-ai-assistant')}`;
		const key = `360dialog:1122334455667:${USER}`;
		const ours = () => dialog.sentTo(USER).filter((m) => m.apiKey === TEMPLATE_KEY);

		// 1. The user writes; the AI answers through its webhook; the answer reaches the user.
		selarti.setAutoReply(aiTrigger);
		await dialog.deliverWebhook(
			buildTextWebhook('How much is the course?', { from: USER, name: 'Dana' }),
			{
				apiKey: TEMPLATE_KEY,
			},
		);
		await until(() => ours().length >= 1, 30_000, 'the AI answer on WhatsApp');
		expect(selarti.sent).toEqual([
			expect.objectContaining({
				chat_id: key,
				text: 'How much is the course?',
				fields: expect.objectContaining({ name: 'Dana', phone: USER }),
			}),
		]);
		expect(ours()[0].body.text).toEqual({ body: 'AI: How much is the course?' });

		// 2. An AI answer with two buttons arrives as WhatsApp reply buttons.
		await deliverAiWebhook(aiTrigger, {
			external_chat_id: key,
			message_text: 'Which format suits you?',
			buttons: ['Online', 'In person'],
		} as never);
		await until(() => ours().length >= 2, 30_000, 'the buttons');
		const buttons = ours()[1].body.interactive as {
			type: string;
			action: { buttons: Array<{ reply: { title: string } }> };
		};
		expect(buttons.type).toBe('button');
		expect(buttons.action.buttons.map((b) => b.reply.title)).toEqual(['Online', 'In person']);

		// 3. A day later the window has closed: the configured template goes instead.
		dialog.expireWindow(USER);
		await deliverAiWebhook(aiTrigger, {
			external_chat_id: key,
			message_text: 'Are you still interested?',
		});
		await until(() => ours().length >= 3, 30_000, 'the template');
		expect(ours()[2].type).toBe('template');
		expect((ours()[2].body.template as { name: string }).name).toBe('conversation_reopen');

		// 4. An operator takes over: the manager gets a note with the dialog link.
		await deliverAiWebhook(
			aiTrigger,
			{
				external_chat_id: key,
				message_type: 'operator',
				is_bot: false,
				operator: true,
				message_text: 'Hello, this is Anna from sales.',
				panel_url: 'https://selarti.example/panel/dialog/e2e-360',
			},
			{ booleans: 'string' },
		);
		await until(() => dialog.sentTo(MANAGER).length >= 1, 30_000, 'the manager note');
		const note = (dialog.sentTo(MANAGER)[0].body.text as { body: string }).body;
		expect(note).toContain('https://selarti.example/panel/dialog/e2e-360');
		expect(note).toContain(`+${USER}`);
	});

	it("Take Over: the other program's URL is replaced on activation and put back on deactivation", async () => {
		expect(dialog.webhooks.get(TAKEOVER_KEY)?.url).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/`));
		await n8n.deactivateViaApi(takeoverWorkflow().id);
		await until(
			() => dialog.webhooks.get(TAKEOVER_KEY)?.url === FOREIGN.url,
			30_000,
			'the previous webhook restored',
		);
		expect(dialog.webhooks.get(TAKEOVER_KEY)).toEqual(FOREIGN);
	});
});
