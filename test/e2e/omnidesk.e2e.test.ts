/**
 * Omnidesk in a real n8n (issue 11 "Done when"), through the shipped template: an Omnidesk rule
 * delivery reaches the active trigger and goes to the AI, the AI reply is added to the case, the
 * rule firing again for that reply (or for a human's reply) starts nothing, a handoff delivered
 * twice switches label and group exactly once, and a closed dialog closes the case.
 */
import { triggerToken as aiTriggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { triggerToken } from '../../nodes/Omnidesk/trigger/webhookUrl';
import { buildRulesWebhook, DEFAULT_API_KEY, FakeOmnidesk } from '../fakes/omnidesk';
import { deliverAiWebhook, FakeSelarti } from '../fakes/selarti';
import { PACKAGE_NAME } from '../helpers/node-harness';
import { N8nInstance, nodeOutput, sleep, waitFor, type WorkflowJson } from './harness';
import { omnideskCredential, omnideskTemplate, selartiCredential } from './omnidesk-support';
import { until } from './telegram-support';

const SELARTI_KEY = 'omnidesk-e2e-selarti-key';
const RULE_PATH = 'omnidesk-ai-assistant';
const AI_PATH = 'omnidesk-ai-answers';
const WORKFLOW_ID = 'e2eOmnideskTpl01';
const CASE = 2001;
const BOT_LABEL = 104; // "ai-handled" in the fake
const HUMAN_GROUP = 44; // "Support"
const READS_PATH = 'e2e-omnidesk-reads';
const CREDENTIAL = { id: 'e2eOmnideskCred1', name: 'Omnidesk e2eOmnideskCred1' };

/** Webhook → Case: get (by case number) → Knowledge base: search → Label: get many. */
const readsWorkflow: WorkflowJson = {
	id: 'e2eOmnideskRead1',
	name: 'e2e: Omnidesk reads',
	nodes: [
		{
			id: 'o1000000-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'o1000000-0000-4000-8000-0000000000a1',
			parameters: { httpMethod: 'POST', path: READS_PATH, responseMode: 'lastNode', options: {} },
		},
		{
			id: 'o1000000-0000-4000-8000-000000000002',
			name: 'Get case',
			type: `${PACKAGE_NAME}.omnidesk`,
			typeVersion: 1,
			position: [250, 0],
			parameters: { resource: 'case', operation: 'get', chatId: '={{ $json.body.case }}' },
			credentials: { omnichannelOmnideskApi: CREDENTIAL },
		},
		{
			id: 'o1000000-0000-4000-8000-000000000003',
			name: 'Search KB',
			type: `${PACKAGE_NAME}.omnidesk`,
			typeVersion: 1,
			position: [500, 0],
			parameters: {
				resource: 'knowledgeBase',
				operation: 'search',
				search: '={{ $("Webhook").item.json.body.question }}',
			},
			credentials: { omnichannelOmnideskApi: CREDENTIAL },
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Get case', type: 'main', index: 0 }]] },
		'Get case': { main: [[{ node: 'Search KB', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

describe('Omnidesk AI assistant template in a real n8n', () => {
	const desk = new FakeOmnidesk();
	const selarti = new FakeSelarti({ apiKeys: [SELARTI_KEY], tasks: ['task-od'] });
	let n8n: N8nInstance;
	let ruleUrl = '';
	let aiUrl = '';

	const casePuts = () =>
		desk.requestsTo((r) => r.method === 'PUT' && r.path === `/api/cases/${CASE}.json`);

	beforeAll(async () => {
		await desk.start();
		await selarti.start();
		desk.caseOf(CASE).labels = [101, BOT_LABEL];
		n8n = await N8nInstance.create({ name: 'omnidesk' });
		await n8n.importCredentials([
			omnideskCredential('e2eOmnideskCred1', desk),
			selartiCredential('e2eOdSelartiCred', selarti, SELARTI_KEY),
		]);
		await n8n.importWorkflows([
			readsWorkflow,
			omnideskTemplate(WORKFLOW_ID, {
				omnidesk: 'e2eOmnideskCred1',
				selarti: 'e2eOdSelartiCred',
				taskId: 'task-od',
				humanGroupId: String(HUMAN_GROUP),
			}),
		]);
		await n8n.activate([WORKFLOW_ID, readsWorkflow.id]);
		await n8n.start();
		await n8n.waitForWebhook(RULE_PATH);
		await n8n.waitForWebhook(AI_PATH);
		ruleUrl = `${n8n.baseUrl}/webhook/${RULE_PATH}?token=${triggerToken(DEFAULT_API_KEY, RULE_PATH)}`;
		aiUrl = `${n8n.baseUrl}/webhook/${AI_PATH}?token=${aiTriggerToken(SELARTI_KEY, AI_PATH)}`;
		selarti.setAutoReply(aiUrl);
	}, 180_000);

	afterAll(async () => {
		await n8n?.stop();
		await selarti.stop();
		await desk.stop();
	});

	it('refuses a delivery without the URL token (403) and a body without a case (400)', async () => {
		const kase = desk.caseOf(CASE);
		const wrong = await desk.deliverWebhook(
			`${n8n.baseUrl}/webhook/${RULE_PATH}?token=${'x'.repeat(32)}`,
			buildRulesWebhook({ kase }),
		);
		expect(wrong.status).toBe(403);
		const garbage = await desk.deliverWebhook(ruleUrl, { hello: 'world' });
		expect(garbage.status).toBe(400);
		expect(await n8n.executions(WORKFLOW_ID)).toHaveLength(0);
	});

	it("sends a client's rule delivery to the AI and adds the AI reply to the case", async () => {
		const message = desk.addClientMessage(CASE, '<p>Where is my <b>order</b>?</p>');
		const delivery = await desk.deliverWebhook(
			ruleUrl,
			buildRulesWebhook({ kase: desk.caseOf(CASE), message }),
		);
		expect(delivery.status).toBe(200);
		await until(() => desk.addedTo(CASE).length >= 1, 30_000, 'the AI reply in the case');
		expect(selarti.sent).toEqual([
			expect.objectContaining({
				task_id: 'task-od',
				chat_id: `omnidesk:${CASE}`,
				text: 'Where is my order?',
			}),
		]);
		expect(desk.addedTo(CASE)).toEqual([
			expect.objectContaining({ content: 'AI: Where is my order?', staff_id: 41094, note: false }),
		]);
	});

	it('starts nothing when the rule fires for the AI reply or for a human reply', async () => {
		const aiReply = desk.addedTo(CASE)[0];
		const echo = await desk.deliverWebhook(
			ruleUrl,
			buildRulesWebhook({ kase: desk.caseOf(CASE), message: aiReply }),
		);
		expect(echo.status).toBe(200);
		expect(echo.body).toMatchObject({ ignored: expect.stringMatching(/staff member 41094/) });

		// A human's reply, and a rule body that does not say who wrote it: Omnidesk is asked.
		const human = desk.addClientMessage(CASE, 'Operator: it ships today');
		Object.assign(human, { user_id: 0, staff_id: 22 });
		const silent = await desk.deliverWebhook(ruleUrl, {
			case_id: String(CASE),
			last_message: human.content,
		});
		expect(silent.body).toMatchObject({ ignored: expect.stringMatching(/staff member 22/) });
		await sleep(1_000);
		expect(selarti.sent).toHaveLength(1);
		expect(await n8n.executions(WORKFLOW_ID)).toHaveLength(2); // the client message and the AI reply
	});

	it('hands the case over once, even when the handoff arrives twice (from two dialogs)', async () => {
		selarti.setAutoReply(undefined);
		const handoff = (threadId: string) =>
			deliverAiWebhook(aiUrl, {
				task_id: 'task-od',
				external_chat_id: `omnidesk:${CASE}`,
				thread_id: threadId,
				message_type: 'operator',
				message_text: '',
				operator: true,
				panel_url: `https://selarti.com/panel/dialogs/${threadId}`,
			});
		// Two dialog ids, so the AI Task Trigger's per-process memory reports both: the case's state
		// in Omnidesk is what must keep the second from changing anything.
		expect((await handoff('thread-a')).status).toBe(200);
		await until(() => casePuts().length >= 1, 30_000, 'the case update');
		await n8n.waitForExecutions(WORKFLOW_ID, 3);
		expect((await handoff('thread-b')).status).toBe(200);
		const runs = await waitForHandovers(2);

		expect(desk.caseOf(CASE)).toMatchObject({ labels: [101], group_id: HUMAN_GROUP });
		expect(casePuts()).toHaveLength(1);
		const notes = desk.addedTo(CASE).filter((message) => message.note);
		expect(notes).toHaveLength(1);
		expect(notes[0].content).toContain('https://selarti.com/panel/dialogs/thread-a');
		const outputs = runs.map((run) => nodeOutput(run, 'Hand over to humans')[0].json);
		expect(outputs[0]).toMatchObject({ handedOver: true });
		expect(outputs[1]).toMatchObject({ handedOver: false, alreadyHandedOver: true });
	});

	it('closes the case when the AI closes the dialog', async () => {
		await deliverAiWebhook(aiUrl, {
			task_id: 'task-od',
			external_chat_id: `omnidesk:${CASE}`,
			thread_id: 'thread-c',
			message_text: '',
			close: true,
		});
		await until(() => desk.caseOf(CASE).status === 'closed', 30_000, 'the case closed');
	});

	/** The finished executions that ran "Hand over to humans", once there are `count`. */
	async function waitForHandovers(count: number) {
		return await waitFor(
			async () => {
				const runs = (await n8n.executions(WORKFLOW_ID)).filter(
					(run) => run.runData['Hand over to humans'] && run.status !== 'running',
				);
				return runs.length >= count ? runs : undefined;
			},
			{ timeoutMs: 30_000, describe: () => `${count} finished handovers` },
		);
	}

	it('reads a case by its number and searches the knowledge base', async () => {
		const response = await n8n.post(READS_PATH, { case: '664-245651', question: 'refund' });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ article_id: 3, title: 'Refund policy' });
		expect(desk.requestsTo('/api/cases/664-245651.json')).toHaveLength(1);
	});

	it('Test button: the right key passes, a wrong key fails', async () => {
		const test = async (apiKey: string) => {
			const response = await n8n.rest('POST', '/credentials/test', {
				credentials: {
					id: CREDENTIAL.id,
					name: CREDENTIAL.name,
					type: 'omnichannelOmnideskApi',
					data: { domain: desk.apiBaseUrl, staffEmail: desk.staffEmail, apiKey },
				},
			});
			expect(response.status).toBe(200);
			return (response.body as { data: { status: string } }).data.status;
		};
		expect(await test(DEFAULT_API_KEY)).toBe('OK');
		expect(await test('wrong-key')).toBe('Error');
	});
});
