/**
 * The harness itself, with n8n's built-in nodes only, so it is proven independently of our nodes:
 * credential import (encrypted by the CLI, decrypted by the server), workflow import, activation
 * before start and on a running server, production webhooks, saved executions, REST access.
 */
import { N8nInstance, nodeOutput, type WorkflowJson } from './harness';

const echoWorkflow: WorkflowJson = {
	id: 'harnessEcho00001',
	name: 'harness: webhook -> set (respond with last node)',
	nodes: [
		{
			id: '0b3c1d2e-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '0b3c1d2e-0000-4000-8000-0000000000a1',
			parameters: {
				httpMethod: 'POST',
				path: 'harness-echo',
				responseMode: 'lastNode',
				options: {},
			},
		},
		{
			id: '0b3c1d2e-0000-4000-8000-000000000002',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				assignments: {
					assignments: [
						{ id: 'a1', name: 'echoed', value: "={{ 'echo:' + $json.body.msg }}", type: 'string' },
					],
				},
				options: {},
			},
		},
	],
	connections: { Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

const toggledWorkflow: WorkflowJson = {
	id: 'harnessToggle001',
	name: 'harness: webhook activated on a running server',
	nodes: [
		{
			id: '0b3c1d2e-0000-4000-8000-000000000011',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '0b3c1d2e-0000-4000-8000-0000000000b1',
			parameters: {
				httpMethod: 'POST',
				path: 'harness-toggle',
				responseMode: 'onReceived',
				options: {},
			},
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

describe('real-n8n harness (built-in nodes)', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ name: 'harness', installPackage: false });
		await n8n.importCredentials([
			{
				id: 'harnessHeaderCr1',
				name: 'Harness header',
				type: 'httpHeaderAuth',
				data: { name: 'X-Test', value: 's3cret' },
			},
		]);
		await n8n.importWorkflows([echoWorkflow, toggledWorkflow]);
		await n8n.activate([echoWorkflow.id]);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	it('serves a workflow activated before start on its production URL and saves the execution', async () => {
		await n8n.waitForWebhook('harness-echo');
		const response = await n8n.post('harness-echo', { msg: 'ping' });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ echoed: 'echo:ping' });

		const [execution] = await n8n.waitForExecutions(echoWorkflow.id, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		expect(nodeOutput(execution, 'Set')[0].json).toMatchObject({ echoed: 'echo:ping' });
	});

	it('does not serve a workflow that was imported but not activated', async () => {
		expect((await n8n.post('harness-toggle', {})).status).toBe(404);
	});

	it('activates and deactivates a workflow on the running server', async () => {
		await n8n.activateViaApi(toggledWorkflow.id);
		await n8n.waitForWebhook('harness-toggle');
		expect((await n8n.post('harness-toggle', { n: 1 })).status).toBe(200);

		await n8n.deactivateViaApi(toggledWorkflow.id);
		expect((await n8n.post('harness-toggle', { n: 2 })).status).toBe(404);
		expect(await n8n.waitForExecutions(toggledWorkflow.id, 1)).toHaveLength(1);
	});

	it('imports credentials so that the server decrypts them', async () => {
		const response = await n8n.rest('GET', '/credentials/harnessHeaderCr1?includeData=true');
		expect(response.status).toBe(200);
		// Decrypted with the instance key; n8n's REST API blanks password fields, so check the plain one.
		expect(response.body).toMatchObject({
			data: { type: 'httpHeaderAuth', data: { name: 'X-Test' } },
		});
	});

	it('keeps the server log readable for assertions', () => {
		expect(n8n.log()).toContain('Editor is now accessible');
	});
});
