/**
 * Wazzup inside a real n8n (issue 9 "Done when"): the packed package, credentials pointing at
 * fake Wazzup accounts (one webhook per account, so one fake per workflow), and
 *   - an active trigger that takes the account's webhook over from another program (answering
 *     Wazzup's {test:true} probe), receives a message, answers through the action node, ignores
 *     the echo of its own answer, survives a lost answer without sending twice, and gives the
 *     address back on deactivation;
 *   - the shipped template: a customer's message reaches the fake AI, the AI's answer comes back
 *     to the same chat, and a handoff notifies the managers through the same channel.
 */
import path from 'node:path';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { FakeSelarti, deliverAiWebhook } from '../fakes/selarti';
import { DEFAULT_WAZZUP_CHANNELS, FakeWazzup, buildWazzupMessage } from '../fakes/wazzup';
import { N8nInstance, nodeOutput } from './harness';
import { until } from './telegram-support';
import {
	OtherProgram,
	wazzupCredential as credential,
	wazzupEchoWorkflow,
	wazzupTemplateWithFakes,
} from './wazzup-support';

const ECHO_KEY = 'e2e-wazzup-echo-key';
const TEMPLATE_KEY = 'e2e-wazzup-template-key';
const SELARTI_KEY = 'test-selarti-key';
const CHANNEL = DEFAULT_WAZZUP_CHANNELS[0];
const CLIENT = '79011112233';
const KEY = `wazzup:${CHANNEL.channelId}:whatsapp:${CLIENT}`;

const echoFlow = () => wazzupEchoWorkflow('e2eWazzupEcho001', 'wzEchoCred000001');
const templateFlow = () =>
	wazzupTemplateWithFakes(
		path.resolve(__dirname, '../../workflows/wazzup-ai-assistant.json'),
		'e2eWazzupTmpl001',
		{
			wazzupCredential: 'wzTmplCred000001',
			selartiCredential: 'e2eSelartiCred03',
			taskId: 'task-1',
		},
	);

describe('Wazzup in a real n8n', () => {
	const echoAccount = new FakeWazzup({ apiKeys: [ECHO_KEY], echoSends: true });
	const templateAccount = new FakeWazzup({ apiKeys: [TEMPLATE_KEY], echoSends: true });
	const selarti = new FakeSelarti();
	const other = new OtherProgram();
	let n8n: N8nInstance;

	beforeAll(async () => {
		await echoAccount.start();
		await templateAccount.start();
		await selarti.start();
		await other.start();
		// The echo account's webhook belongs to another program before n8n takes it over.
		echoAccount.webhooks = {
			webhooksUri: other.url,
			subscriptions: {
				messagesAndStatuses: true,
				contactsAndDealsCreation: true,
				channelsUpdates: false,
				templateStatus: false,
			},
		};
		n8n = await N8nInstance.create({ name: 'wazzup' });
		await n8n.importCredentials([
			credential('wzEchoCred000001', ECHO_KEY, echoAccount.url),
			credential('wzTmplCred000001', TEMPLATE_KEY, templateAccount.url),
			{
				id: 'e2eSelartiCred03',
				name: 'Selarti (fake)',
				type: 'selartiApi',
				data: { baseUrl: selarti.apiBaseUrl, apiKey: SELARTI_KEY, sessionToken: '' },
			},
		]);
		await n8n.importWorkflows([echoFlow(), templateFlow()]);
		await n8n.start();
		// Activated once n8n listens: Wazzup probes the address before it accepts it.
		await n8n.activateViaApi(echoFlow().id);
		await n8n.activateViaApi(templateFlow().id);
		await until(
			() =>
				(echoAccount.webhooks.webhooksUri ?? '').startsWith(n8n.baseUrl) &&
				(templateAccount.webhooks.webhooksUri ?? '').startsWith(n8n.baseUrl),
			30_000,
			'both Wazzup triggers registered',
		);
	});

	afterAll(async () => {
		await n8n?.stop();
		await other.stop();
		await selarti.stop();
		await templateAccount.stop();
		await echoAccount.stop();
	});

	it('registers itself with a URL token, answers a message once, ignores its own echo, refuses a forged delivery', async () => {
		const uri = echoAccount.webhooks.webhooksUri ?? '';
		expect(uri).toMatch(new RegExp(`^${n8n.baseUrl}/webhook/.+\\?token=[A-Za-z0-9_-]{32}$`));
		expect(echoAccount.webhooks.subscriptions).toEqual({
			messagesAndStatuses: true,
			contactsAndDealsCreation: false,
			channelsUpdates: false,
			templateStatus: false,
		});
		expect(echoAccount.probes.at(-1)?.result).toMatchObject({ status: 200 });

		const forged = await fetch(uri.replace(/token=.*/, 'token=guess'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ messages: [buildWazzupMessage()] }),
		});
		expect(forged.status).toBe(403);

		// The answer to the send is lost once: the node retries and Wazzup refuses the repeat.
		echoAccount.failAfterSend('drop');
		const delivery = await echoAccount.deliverMessages(
			buildWazzupMessage({ channelId: CHANNEL.channelId, chatId: CLIENT, text: 'Hello' }),
		);
		expect(delivery.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(echoFlow().id, 1);
		expect(execution.status).toBe('success');
		expect(echoAccount.sentTo(CLIENT).map((m) => m.text)).toEqual(['Echo: Hello']);
		expect(echoAccount.requestsTo('POST /v3/message')).toHaveLength(2);
		expect(nodeOutput(execution, 'Reply')[0].json).toMatchObject({
			ok: true,
			alreadySent: true,
			conversationKey: KEY,
		});
		// The echo of that reply came back to n8n and started nothing.
		const echoes = await Promise.all(echoAccount.echoDeliveries);
		expect(echoes.map((e) => (e instanceof Error ? e.message : e.status))).toEqual([200]);
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(await n8n.executions(echoFlow().id)).toHaveLength(1);
	});

	it('template: the message reaches the fake AI, its answer comes back to the same chat', async () => {
		selarti.setAutoReply(
			`${n8n.baseUrl}/webhook/wazzup-ai-assistant?token=${triggerToken(SELARTI_KEY, 'wazzup-ai-assistant')}`,
		);
		const delivery = await templateAccount.deliverMessages(
			buildWazzupMessage({ channelId: CHANNEL.channelId, chatId: CLIENT, text: 'How much is it?' }),
		);
		expect(delivery.status).toBe(200);
		await until(
			() => templateAccount.sentTo(CLIENT).length >= 1,
			30_000,
			'the AI answer in Wazzup',
		);
		expect(selarti.sent).toEqual([
			expect.objectContaining({ chat_id: KEY, text: 'How much is it?' }),
		]);
		expect(templateAccount.sentTo(CLIENT).map((m) => m.body)).toEqual([
			expect.objectContaining({
				channelId: CHANNEL.channelId,
				chatType: 'whatsapp',
				text: 'AI: How much is it?',
				clearUnanswered: false,
			}),
		]);
	});

	it('template: a handoff notifies the managers through the same channel, the operator reaches the customer', async () => {
		const aiTrigger = `${n8n.baseUrl}/webhook/wazzup-ai-assistant?token=${triggerToken(SELARTI_KEY, 'wazzup-ai-assistant')}`;
		const managers = '79000000000'; // the template's placeholder
		const handoff = await deliverAiWebhook(
			aiTrigger,
			{
				external_chat_id: KEY,
				thread_id: 'e2e-wazzup-handoff',
				message_id: 'e2e-wazzup-handoff-1',
				message_type: 'operator',
				is_bot: false,
				operator: true,
				message_text: 'Hello, this is Anna from sales.',
				panel_url: 'https://selarti.example/panel/dialog/e2e-wazzup-handoff',
			},
			{ booleans: 'string' },
		);
		expect(handoff.status).toBe(200);
		await until(() => templateAccount.sentTo(managers).length >= 1, 30_000, 'the managers’ notice');
		const [notice] = templateAccount.sentTo(managers);
		expect(notice.channelId).toBe(CHANNEL.channelId);
		expect(notice.text).toContain('https://selarti.example/panel/dialog/e2e-wazzup-handoff');
		expect(notice.text).toContain(CLIENT);
		await until(
			() =>
				templateAccount.sentTo(CLIENT).some((m) => m.text === 'Hello, this is Anna from sales.'),
			30_000,
			'the operator’s message to the customer',
		);
	});

	it('deactivation gives the webhook back to the program that had it', async () => {
		await n8n.deactivateViaApi(echoFlow().id);
		await until(
			() => echoAccount.webhooks.webhooksUri === other.url,
			30_000,
			'the previous address restored',
		);
		expect(echoAccount.webhooks.subscriptions).toEqual({
			messagesAndStatuses: true,
			contactsAndDealsCreation: true,
			channelsUpdates: false,
			templateStatus: false,
		});
	});
});
