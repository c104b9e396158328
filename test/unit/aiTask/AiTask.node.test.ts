import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';

import { SelartiApi } from '../../../credentials/SelartiApi.credentials';
import { AiTask } from '../../../nodes/AiTask/AiTask.node';
import { faults } from '../../fakes/fake-server';
import { FakeSelarti } from '../../fakes/selarti';
import { NodeHarness, useFakeProvider } from '../../helpers';

const API_KEY = 'test-selarti-key';

/** What a Telegram trigger item looks like to the AI Task node. */
function channelItem(overrides: Record<string, unknown> = {}): INodeExecutionData {
	return {
		json: {
			event: 'message',
			conversation: {
				key: 'telegram:123456789:987654321',
				channel: 'telegram',
				chatId: '987654321',
				botId: '123456789',
			},
			message: { id: '10', text: 'How much is the course?', type: 'text', attachments: [] },
			contact: { name: 'Ivan Petrov', username: 'ivanp' },
			...overrides,
		},
	};
}

describe('AI Task: Send, Add target, Custom API call against the fake Selarti', () => {
	const selarti = useFakeProvider(new FakeSelarti());
	let harness: NodeHarness;

	const makeHarness = (parameters: Record<string, unknown> = {}, apiKey = API_KEY): NodeHarness =>
		new NodeHarness(new AiTask(), {
			parameters: { resource: 'message', operation: 'send', taskId: 'task-1', ...parameters },
			credentials: { selartiApi: { baseUrl: selarti.apiBaseUrl, apiKey } },
			credentialTypes: [new SelartiApi()],
		});

	beforeEach(() => {
		harness = makeHarness();
	});

	it('exchanges the key for a token once, then sends task_id, chat_id, text and contact to /wf/send_message', async () => {
		harness = makeHarness({
			contact: {
				name: '={{ $json.contact?.name }}',
				username: '={{ $json.contact?.username }}',
				phone: '={{ $json.contact?.phone }}',
			},
		});
		const output = await harness.execute([
			channelItem(),
			channelItem({ message: { text: 'And the price?' } }),
		]);
		expect(selarti.tokensIssued).toBe(1);
		expect(selarti.requestsTo('POST /api/1.1/wf/auth')[0].body).toEqual({ key: API_KEY });
		const sends = selarti.requestsTo('POST /api/1.1/wf/send_message');
		expect(sends).toHaveLength(2);
		expect(sends[0].headers.authorization).toMatch(/^Bearer [0-9a-f]+$/);
		expect(sends[0].body).toEqual({
			task_id: 'task-1',
			chat_id: 'telegram:123456789:987654321',
			text: 'How much is the course?',
			name: 'Ivan Petrov',
			username: 'ivanp',
		});
		expect(selarti.sent.map((m) => m.text)).toEqual(['How much is the course?', 'And the price?']);
		expect(output?.[0]).toHaveLength(2);
		expect(output?.[0][0].pairedItem).toEqual({ item: 0 });
		expect(output?.[0][1]).toMatchObject({
			pairedItem: { item: 1 },
			json: { chatId: 'telegram:123456789:987654321', taskId: 'task-1' },
		});
		expect(output?.[0][0].json.response).toHaveProperty('message_id');
		// The token is stored with the credential, as n8n stores it for every process.
		expect(harness.credentials.selartiApi.sessionToken).toEqual(expect.any(String));
	});

	it('refreshes an expired token through n8n and sends without a failed item', async () => {
		await harness.execute([channelItem()]);
		selarti.expireTokens();
		const output = await harness.execute([channelItem()]);
		expect(output?.[0][0].json.error).toBeUndefined();
		expect(selarti.tokensIssued).toBe(2);
		expect(selarti.sent).toHaveLength(2);
		expect(harness.credentialsHelper.refreshes.map((r) => r.expired)).toEqual([false, true]);
	});

	it('appends the incoming attachments as file lines, unless switched off', async () => {
		const attachments = [
			{ kind: 'photo', id: 'AgAD|1', url: 'https://cdn.example/p.jpg' },
			{ kind: 'document', id: 'doc-2' },
		];
		await harness.execute([channelItem({ message: { text: 'See this', attachments } })]);
		expect(selarti.sent[0].text).toBe(
			'See this\nfile:photo|AgAD%7C1|https://cdn.example/p.jpg\nfile:document|doc-2|',
		);

		await harness.execute([channelItem({ message: { text: '', attachments } })]);
		expect(selarti.sent[1].text).toBe(
			'file:photo|AgAD%7C1|https://cdn.example/p.jpg\nfile:document|doc-2|',
		);

		const off = makeHarness({ options: { appendAttachments: false } });
		await off.execute([channelItem({ message: { text: 'See this', attachments } })]);
		expect(selarti.sent[2].text).toBe('See this');
	});

	it('uses the Send Message Path option and merges Additional Body Fields', async () => {
		const custom = new FakeSelarti({ sendMessagePath: '/api/1.1/wf/user_message' });
		await custom.start();
		try {
			const node = new NodeHarness(new AiTask(), {
				parameters: {
					resource: 'message',
					operation: 'send',
					taskId: 'task-1',
					options: {
						sendMessagePath: 'wf/user_message',
						additionalBodyFields: '{"source":"n8n","channel":"telegram"}',
					},
				},
				credentials: { selartiApi: { baseUrl: `${custom.apiBaseUrl}/`, apiKey: API_KEY } },
				credentialTypes: [new SelartiApi()],
			});
			await node.execute([channelItem()]);
			expect(custom.sent[0].fields).toMatchObject({
				source: 'n8n',
				channel: 'telegram',
				task_id: 'task-1',
			});
		} finally {
			await custom.stop();
		}
	});

	it.each([
		[{ chatId: '' }, {}, /"Chat ID" is empty/, /conversation\.key/],
		[
			{ chatId: 'x'.repeat(256) },
			{},
			/"Chat ID" is 256 characters long; the limit is 255/,
			/conversation\.key/,
		],
		[{ text: '' }, {}, /"Text" is empty and the input item has no attachments/, /message text/],
		[{ taskId: ' ' }, {}, /"Task ID" is empty/, /task/],
		[
			{ options: { additionalBodyFields: '{"source": n8n}' } },
			{},
			/"Additional Body Fields \(JSON\)" is not valid JSON/,
			/JSON object/,
		],
		[{ options: { additionalBodyFields: '[1,2]' } }, {}, /must be a JSON object/, /JSON object/],
		[
			{ options: { sendMessagePath: '/send' } },
			{},
			/"Send Message Path" must be a path under \/wf\//,
			/workflow endpoints/,
		],
	])(
		'refuses %j locally, naming the field and the fix',
		async (parameters, _unused, message, fix) => {
			const node = makeHarness(parameters);
			const error = await node.execute([channelItem()]).then(
				() => undefined,
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).message).toMatch(message);
			expect(String((error as NodeOperationError).description)).toMatch(fix);
			expect(selarti.sent).toHaveLength(0);
		},
	);

	it('turns failed items into error items with "continue on fail", keeping the item pairing', async () => {
		const output = await harness.execute(
			[
				channelItem(),
				channelItem({ conversation: {} }),
				channelItem({ message: { text: 'third' } }),
			],
			{ continueOnFail: true },
		);
		expect(output?.[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(output?.[0][1].json.error).toMatch(/"Chat ID" is empty/);
		expect(output?.[0][0].json.error).toBeUndefined();
		expect(selarti.sent.map((m) => m.text)).toEqual(['How much is the course?', 'third']);
	});

	it("reports Selarti's own refusal with a hint (unknown task id)", async () => {
		const node = makeHarness({ taskId: 'task-404' });
		const error = (await node.execute([channelItem()]).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Selarti answered 400: Task not found: task-404 (INVALID_DATA)');
		expect(error.description).toMatch(/Task ID/);
	});

	it('reports a wrong API key clearly', async () => {
		const node = makeHarness({}, 'wrong-key');
		const error = (await node.execute([channelItem()]).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/Selarti rejected the API key \(POST \/wf\/auth answered 401 "Invalid API key"\)/,
		);
		expect(error.description).toMatch(/API Key of the Selarti API credential/);
		expect(selarti.sent).toHaveLength(0);
	});

	it('waits out a 429 with retry_after, then sends once', async () => {
		selarti.failNext(
			'POST /api/1.1/wf/send_message',
			faults.respond(429, { statusCode: 429, message: 'Too many requests', retry_after: 1 }),
		);
		const started = Date.now();
		const output = await harness.execute([channelItem()]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(output?.[0][0].json.error).toBeUndefined();
		expect(selarti.requestsTo('POST /api/1.1/wf/send_message')).toHaveLength(2);
		expect(selarti.sent).toHaveLength(1);
	});

	it('does not retry a send answered with 5xx (Selarti may have processed it)', async () => {
		selarti.failNext(
			'POST /api/1.1/wf/send_message',
			faults.respond(502, { message: 'Bad gateway' }),
		);
		const error = (await harness.execute([channelItem()]).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Selarti answered 502/);
		expect(error.description).toMatch(/not retried/);
		expect(selarti.requestsTo('POST /api/1.1/wf/send_message')).toHaveLength(1);
	});

	it('does not repeat a send whose connection dropped', async () => {
		selarti.failNext('POST /api/1.1/wf/send_message', faults.drop());
		const error = (await harness.execute([channelItem()]).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/not retried/);
		expect(selarti.requestsTo('POST /api/1.1/wf/send_message')).toHaveLength(1);
	});

	it('fails a 200 answer whose Bubble status is not success', async () => {
		selarti.failNext(
			'POST /api/1.1/wf/send_message',
			faults.respond(200, { status: 'error', message: 'Workflow failed' }),
		);
		const error = (await harness.execute([channelItem()]).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toMatch(/Workflow failed/);
	});

	it('adds a target to a task', async () => {
		const node = makeHarness({
			resource: 'target',
			operation: 'add',
			taskId: 'task-1',
			target: '@new_lead',
		});
		const output = await node.execute();
		expect(selarti.targets).toEqual([{ task: 'task-1', target: '@new_lead' }]);
		expect(output?.[0][0].json).toMatchObject({
			task: 'task-1',
			target: '@new_lead',
			response: { added: true },
		});
	});

	// Add Target is a write that may add the lead twice when repeated: a 5xx or a dropped
	// connection after the request left must be reported, never retried.
	it.each([
		['a 502', faults.respond(502, { message: 'Bad gateway' })],
		['a dropped connection', faults.drop()],
	])('does not repeat an Add Target answered with %s', async (_label, fault) => {
		selarti.failNext('POST /api/1.1/wf/add_target', fault);
		const node = makeHarness({
			resource: 'target',
			operation: 'add',
			taskId: 'task-1',
			target: '@new_lead',
		});
		const error = (await node.execute().catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/not retried/);
		expect(selarti.requestsTo('POST /api/1.1/wf/add_target')).toHaveLength(1);
		expect(selarti.targets).toEqual([]);
	});

	it('calls another /wf/ endpoint with the same token and errors', async () => {
		const node = makeHarness({
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: '/wf/add_target',
			body: { task: 'task-1', target: '@x' },
		});
		const output = await node.execute();
		expect(output?.[0][0].json).toMatchObject({ status: 'success', response: { added: true } });
		const missing = makeHarness({
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: '/wf/no_such_thing',
			body: '{}',
		});
		const error = (await missing.execute().catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toMatch(/Selarti answered 404: Workflow not found no_such_thing/);
		expect(error.description).toMatch(/Base URL/);
	});

	it('tests the credential: OK for a good key, a clear message for a wrong one', async () => {
		expect(await harness.testCredential('selartiApi')).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await harness.testCredential('selartiApi', {
			baseUrl: selarti.apiBaseUrl,
			apiKey: 'nope',
		});
		expect(wrong).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Selarti rejected the API key/),
		});
	});
});
