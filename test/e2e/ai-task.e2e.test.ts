/**
 * AI Task inside a real n8n (issue 3 "Done when"): the packed package, a credential pointing at
 * the fake Selarti, an active `AI Task Trigger → …` workflow fed on its production URL, and a
 * `Webhook → AI Task: Send` workflow that reaches Selarti with a session token, including one
 * forced token expiry that n8n must refresh without failing the item.
 */
import type { INodeParameters } from 'n8n-workflow';

import { triggerToken } from '../../nodes/AiTask/trigger/webhookUrl';
import { FakeSelarti, buildAiWebhook } from '../fakes/selarti';
import { N8nInstance, nodeOutput, type WorkflowJson } from './harness';
import { httpRequest } from './harness/http';

import { PACKAGE_NAME as PACKAGE } from '../helpers/node-harness';
const API_KEY = 'test-selarti-key';
const TRIGGER_PATH = 'e2e-selarti-replies';
const CREDENTIAL = { id: 'e2eSelartiCred01', name: 'Selarti (fake)' };

const triggerWorkflow: WorkflowJson = {
	id: 'e2eAiTaskTrig001',
	name: 'e2e: AI Task Trigger -> Reply / Closed',
	nodes: [
		{
			id: 'a1000000-0000-4000-8000-000000000001',
			name: 'AI Task Trigger',
			type: `${PACKAGE}.aiTaskTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'a1000000-0000-4000-8000-0000000000a1',
			parameters: { path: TRIGGER_PATH, separateOutputs: true },
			credentials: { selartiApi: CREDENTIAL },
		},
		{
			id: 'a1000000-0000-4000-8000-000000000002',
			name: 'Reply',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [300, -100],
			parameters: {},
		},
		{
			id: 'a1000000-0000-4000-8000-000000000003',
			name: 'Closed',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [300, 100],
			parameters: {},
		},
	],
	connections: {
		'AI Task Trigger': {
			main: [
				[{ node: 'Reply', type: 'main', index: 0 }],
				[],
				[],
				[{ node: 'Closed', type: 'main', index: 0 }],
				[],
				[],
			],
		},
	},
	settings: { executionOrder: 'v1' },
};

const sendWorkflow: WorkflowJson = {
	id: 'e2eAiTaskSend001',
	name: 'e2e: Webhook -> AI Task: Send',
	nodes: [
		{
			id: 'a2000000-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'a2000000-0000-4000-8000-0000000000a1',
			parameters: {
				httpMethod: 'POST',
				path: 'e2e-ai-send',
				responseMode: 'lastNode',
				options: {},
			},
		},
		{
			id: 'a2000000-0000-4000-8000-000000000002',
			name: 'AI Task',
			type: `${PACKAGE}.aiTask`,
			typeVersion: 1,
			position: [250, 0],
			parameters: {
				resource: 'message',
				operation: 'send',
				taskId: 'task-1',
				chatId: '={{ $json.body.conversation.key }}',
				text: '={{ $json.body.message.text }}',
			},
			credentials: { selartiApi: CREDENTIAL },
		},
	],
	connections: { Webhook: { main: [[{ node: 'AI Task', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

const aiNode = (name: string, x: number, parameters: INodeParameters, extra: object = {}) => ({
	id: `a3000000-0000-4000-8000-${String(x).padStart(12, '0')}`,
	name,
	type: `${PACKAGE}.aiTask`,
	typeVersion: 1,
	position: [x, 0] as [number, number],
	parameters,
	credentials: { selartiApi: CREDENTIAL },
	...extra,
});

/** Add Target and Custom API Call, and a failing call reported as its item's error (On Error → Continue). */
const targetWorkflow: WorkflowJson = {
	id: 'e2eAiTaskTarget1',
	name: 'e2e: Webhook -> AI Task: Add Target -> Custom API Call',
	nodes: [
		{
			id: 'a3000000-0000-4000-8000-000000000000',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'a3000000-0000-4000-8000-0000000000a1',
			parameters: {
				httpMethod: 'POST',
				path: 'e2e-ai-target',
				responseMode: 'lastNode',
				options: {},
			},
		},
		aiNode('Add Target', 200, {
			resource: 'target',
			operation: 'add',
			taskId: 'task-1',
			target: "={{ $('Webhook').item.json.body.username }}",
		}),
		aiNode('Custom call', 400, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: '/wf/add_target',
			body: "={{ JSON.stringify({ task: 'task-1', target: $('Webhook').item.json.body.username + '_2' }) }}",
		}),
		aiNode(
			'Unknown endpoint',
			600,
			{
				resource: 'custom',
				operation: 'apiCall',
				method: 'POST',
				path: '/wf/no_such_workflow',
				body: '{}',
			},
			{ onError: 'continueRegularOutput' },
		),
	],
	connections: {
		Webhook: { main: [[{ node: 'Add Target', type: 'main', index: 0 }]] },
		'Add Target': { main: [[{ node: 'Custom call', type: 'main', index: 0 }]] },
		'Custom call': { main: [[{ node: 'Unknown endpoint', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

const channelEvent = (text: string) => ({
	conversation: { key: 'telegram:123456789:987654321' },
	message: { text },
});

describe('AI Task in a real n8n', () => {
	const selarti = new FakeSelarti();
	let n8n: N8nInstance;
	const token = triggerToken(API_KEY, TRIGGER_PATH);

	beforeAll(async () => {
		await selarti.start();
		n8n = await N8nInstance.create({ name: 'ai-task' });
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'selartiApi',
				data: { baseUrl: selarti.apiBaseUrl, apiKey: API_KEY, sessionToken: '' },
			},
		]);
		await n8n.importWorkflows([triggerWorkflow, sendWorkflow, targetWorkflow]);
		await n8n.activate([triggerWorkflow.id, sendWorkflow.id, targetWorkflow.id]);
		await n8n.start();
		await n8n.waitForWebhook(TRIGGER_PATH);
		await n8n.waitForWebhook('e2e-ai-send');
		await n8n.waitForWebhook('e2e-ai-target');
	});

	afterAll(async () => {
		await n8n?.stop();
		await selarti.stop();
	});

	it('refuses a delivery without the right token: 403 and no execution', async () => {
		const before = await n8n.lastExecutionId();
		const missing = await n8n.post(TRIGGER_PATH, buildAiWebhook());
		const wrong = await n8n.post(TRIGGER_PATH, buildAiWebhook(), {}, { token: 'x'.repeat(32) });
		expect([missing.status, wrong.status]).toEqual([403, 403]);
		const bad = await n8n.post(
			TRIGGER_PATH,
			{ is_bot: 'perhaps', message_text: 'x' },
			{},
			{ token },
		);
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.body)).toMatch(/is_bot/);
		expect(await n8n.executions(triggerWorkflow.id)).toHaveLength(0);
		expect(await n8n.lastExecutionId()).toBe(before);
	});

	it('shows a URL in the editor (load options) that the active trigger accepts, and routes by event', async () => {
		const options = await n8n.rest('POST', '/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: `${PACKAGE}.aiTaskTrigger`, version: 1 },
			path: 'parameters.webhookUrl',
			methodName: 'webhookUrls',
			currentNodeParameters: { path: TRIGGER_PATH },
			credentials: { selartiApi: CREDENTIAL },
		});
		expect(options.status).toBe(200);
		const urls = (options.body as { data: Array<{ value: string }> }).data.map((o) => o.value);
		expect(urls[0]).toBe(`${n8n.baseUrl}/webhook/${TRIGGER_PATH}?token=${token}`);

		const delivery = buildAiWebhook(
			{ message_id: 7001, close: 'true', message_text: 'Thanks, goodbye!' },
			{ booleans: 'string' },
		);
		const response = await httpRequest({ method: 'POST', url: urls[0], body: delivery });
		expect(response.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(triggerWorkflow.id, 1);
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Reply').map((i) => i.json)).toEqual([
			expect.objectContaining({
				event: 'reply',
				message_text: 'Thanks, goodbye!',
				close: true,
				conversation: expect.objectContaining({ channel: 'telegram' }),
			}),
		]);
		expect(nodeOutput(execution, 'Closed').map((i) => i.json.event)).toEqual(['closed']);

		// A redelivery of the same message starts nothing. Judged by execution ids, not by a count
		// taken right after the 200: a new message sent after the redelivery must get the very next
		// id, which it cannot if the redelivery started a run (finished, running or not yet listed).
		const again = await httpRequest({ method: 'POST', url: urls[0], body: delivery });
		expect(again.status).toBe(200);
		const next = await httpRequest({
			method: 'POST',
			url: urls[0],
			body: buildAiWebhook({ message_id: 7002, message_text: 'A new message' }),
		});
		expect(next.status).toBe(200);
		const runs = await n8n.waitForExecutions(triggerWorkflow.id, 2);
		expect(runs.map((run) => Number(run.id))).toEqual([
			Number(execution.id),
			Number(execution.id) + 1,
		]);
		expect(nodeOutput(runs[1], 'Reply').map((i) => i.json.message_text)).toEqual(['A new message']);
	});

	it('sends through AI Task with a session token, survives a forced expiry, and the AI answer comes back to the trigger', async () => {
		const before = (await n8n.executions(triggerWorkflow.id)).length;
		selarti.setAutoReply(`${n8n.baseUrl}/webhook/${TRIGGER_PATH}?token=${token}`);

		const first = await n8n.post('e2e-ai-send', channelEvent('How much is the course?'));
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ chatId: 'telegram:123456789:987654321', taskId: 'task-1' });
		expect(selarti.tokensIssued).toBe(1);

		selarti.expireTokens();
		const second = await n8n.post('e2e-ai-send', channelEvent('And the price?'));
		expect(second.status).toBe(200);
		expect(second.body).toMatchObject({ text: 'And the price?' });
		expect(selarti.tokensIssued).toBe(2);
		expect(selarti.sent.map((m) => m.text)).toEqual(['How much is the course?', 'And the price?']);
		expect(
			selarti
				.requestsTo('POST /api/1.1/wf/send_message')
				.every((r) => /^Bearer /.test(String(r.headers.authorization))),
		).toBe(true);

		const sends = await n8n.waitForExecutions(sendWorkflow.id, 2);
		expect(sends.map((e) => e.status)).toEqual(['success', 'success']);

		// The fake AI answered both; each answer reached the trigger as a Reply for the same conversation.
		const deliveries = await Promise.all(selarti.replyDeliveries);
		expect(deliveries.map((d) => (d instanceof Error ? d.message : d.status))).toEqual([200, 200]);
		const replies = (await n8n.waitForExecutions(triggerWorkflow.id, before + 2)).slice(before);
		expect(
			replies.flatMap((e) => nodeOutput(e, 'Reply').map((i) => i.json.message_text)).sort(),
		).toEqual(['AI: And the price?', 'AI: How much is the course?']);
	});

	it('adds targets, calls a /wf/ endpoint by path, and reports a failing call as its item’s error', async () => {
		const response = await n8n.post('e2e-ai-target', { username: '@new_lead' });
		expect(response.status).toBe(200);
		expect(selarti.targets).toEqual([
			{ task: 'task-1', target: '@new_lead' },
			{ task: 'task-1', target: '@new_lead_2' },
		]);
		const [execution] = await n8n.waitForExecutions(targetWorkflow.id, 1);
		expect(execution.status).toBe('success');
		const [failed] = nodeOutput(execution, 'Unknown endpoint');
		expect(String(failed.json.error)).toMatch(/^Selarti answered 404/);
		expect(failed.pairedItem).toEqual(expect.objectContaining({ item: 0 }));
		expect(JSON.stringify(execution.runData)).not.toContain(API_KEY);
	});

	it('keeps ids sent as JSON numbers beyond 2^53 exact: n8n rounds them, the raw body keeps the digits', async () => {
		// Rounded, both are 12345678901234567168: the second would be dropped as a repeat.
		const ids = ['12345678901234567890', '12345678901234567891'];
		const before = (await n8n.executions(triggerWorkflow.id)).length;
		for (const id of ids) {
			const body = JSON.stringify(
				buildAiWebhook({ message_id: 'BIG' as unknown as number, thread_id: 'BIG' }),
			).replace(/"BIG"/g, id);
			const response = await n8n.post(
				TRIGGER_PATH,
				body,
				{ 'content-type': 'application/json' },
				{ token },
			);
			expect(response.status).toBe(200);
		}
		const runs = (await n8n.waitForExecutions(triggerWorkflow.id, before + 2)).slice(before);
		expect(runs.map((run) => nodeOutput(run, 'Reply')[0].json)).toEqual([
			expect.objectContaining({ message_id: ids[0], thread_id: ids[0] }),
			expect.objectContaining({ message_id: ids[1], thread_id: ids[1] }),
		]);
	});

	it('keeps the API key, session tokens and the trigger token out of everything n8n stores', async () => {
		const secrets: Record<string, string> = { 'API key': API_KEY, 'trigger URL token': token };
		selarti.issuedTokens.forEach((issued, i) => (secrets[`session token ${i + 1}`] = issued));
		expect(selarti.issuedTokens.length).toBeGreaterThan(0);
		expect(n8n.leaksOf(secrets)).toEqual([]);
	});
});
