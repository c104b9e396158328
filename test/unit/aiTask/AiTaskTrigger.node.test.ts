import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SelartiApi } from '../../../credentials/SelartiApi.credentials';
import { AiTaskTrigger } from '../../../nodes/AiTask/AiTaskTrigger.node';
import { resetTriggerMemory } from '../../../nodes/AiTask/trigger/memory';
import { triggerToken } from '../../../nodes/AiTask/trigger/webhookUrl';
import { buildAiWebhook, bubbleId } from '../../fakes/selarti';
import { NodeHarness } from '../../helpers';

const API_KEY = 'test-selarti-key';
const PATH = 'selarti-replies';
const TOKEN = triggerToken(API_KEY, PATH);

function trigger(
	parameters: Record<string, unknown> = {},
	workflowId = 'wf-1',
	staticData: IDataObject = {},
	mode: 'webhook' | 'manual' = 'webhook',
): NodeHarness {
	return new NodeHarness(new AiTaskTrigger(), {
		staticData,
		parameters: { path: PATH, ...parameters },
		credentials: { selartiApi: { baseUrl: 'http://127.0.0.1:1/api/1.1', apiKey: API_KEY } },
		credentialTypes: [new SelartiApi()],
		workflow: { id: workflowId },
		mode,
		baseUrl: 'https://n8n.example.com',
	});
}

/**
 * A human operator's message in a dialog, as Selarti sends it; `operator: false` is the first
 * message after the dialog went back to the AI. Several tests walk a dialog through handoffs.
 */
function operatorMessage(thread_id: string, message_id: number, operator = true) {
	return buildAiWebhook({
		thread_id,
		message_id,
		message_type: 'operator',
		is_bot: false,
		operator,
	});
}

/** What three operator messages in a row start when the handoff is reported once per dialog. */
const HANDOFF_ONCE = [['operatorMessage', 'handoff'], ['operatorMessage'], ['operatorMessage']];

/** `token: null` sends no token at all. */
async function deliver(node: NodeHarness, body: unknown, token: string | null = TOKEN) {
	const { result, response } = await node.webhook({ body, query: token === null ? {} : { token } });
	const outputs = (result.workflowData ?? []) as INodeExecutionData[][];
	return { result, response, outputs, items: outputs.flat().map((item) => item.json) };
}

describe('AI Task Trigger: webhook()', () => {
	beforeEach(() => resetTriggerMemory());

	it.each([
		['no token', null],
		['a wrong token', 'x'.repeat(32)],
		['the token of another path', triggerToken(API_KEY, 'other-path')],
		['a token made with another key', triggerToken('another-key', PATH)],
	])('answers 403 and starts nothing with %s', async (_label, token) => {
		const { result, response } = await deliver(trigger(), buildAiWebhook(), token);
		expect(response.statusCode).toBe(403);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(response.body)).not.toContain(TOKEN);
	});

	it('after activation checks the token without reading the credential (issue #15)', async () => {
		const node = trigger();
		expect(await node.webhookMethod('create')).toBe(true);
		expect(JSON.stringify(node.staticData)).not.toContain(TOKEN);
		const reads = jest.spyOn(node as unknown as { readCredentials(): unknown }, 'readCredentials');
		const { items } = await deliver(node, buildAiWebhook({ message_id: 7001 }));
		expect(items).toHaveLength(1);
		expect(reads).not.toHaveBeenCalled();
		// A token the record does not know is checked against the credential (a new key's token
		// would replace it, docs/architecture.md): still 403 when it is simply wrong.
		const refused = await deliver(node, buildAiWebhook({ message_id: 7002 }), 'x'.repeat(32));
		expect(refused.response.statusCode).toBe(403);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('turns an AI reply into one typed item with its conversation', async () => {
		const body = buildAiWebhook(
			{ message_id: 901, external_chat_id: 'telegram:123456789:987654321' },
			{ booleans: 'string', ids: 'number' },
		);
		const { outputs, items, response } = await deliver(trigger(), body);
		// Answered by the node itself: n8n's own answer would be the text `firstEntryJson`.
		expect([response.statusCode, response.body, response.ended]).toEqual([200, { ok: true }, true]);
		expect(outputs).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			event: 'reply',
			conversation: {
				channel: 'telegram',
				key: 'telegram:123456789:987654321',
				chatId: '987654321',
				botId: '123456789',
			},
			message: { id: '901', text: 'Hello! How can I help you?', type: 'bot' },
			message_id: '901',
			channel_id: '4101',
			is_bot: true,
			close: false,
			interest: false,
			success: false,
			panel_url: body.panel_url,
		});
	});

	it('keeps a delivery whose chat id is not a conversation key, as channel "unknown"', async () => {
		const { items } = await deliver(
			trigger(),
			buildAiWebhook({ external_chat_id: 'my-own-user-42' }),
		);
		expect(items).toHaveLength(1);
		expect(items[0].conversation).toMatchObject({
			channel: 'unknown',
			key: 'my-own-user-42',
			chatId: 'my-own-user-42',
		});
		expect((items[0].conversation as IDataObject).error).toEqual(expect.any(String));
	});

	it.each([
		['a field of the wrong kind', buildAiWebhook({ close: 'perhaps' }), /close/],
		['a body without any Selarti field', { ping: true }, /Not a Selarti/],
		['an empty body', undefined, /empty/],
	])('answers 400 naming the problem for %s, and starts nothing', async (_label, body, problem) => {
		const { result, response } = await deliver(trigger(), body);
		expect(response.statusCode).toBe(400);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(String((response.body as IDataObject).error)).toMatch(problem);
	});

	it("drops the user's own message (echo) by default and can include it", async () => {
		const echo = buildAiWebhook({
			message_type: 'user',
			is_bot: false,
			message_text: 'How much is it?',
		});
		const dropped = await deliver(trigger(), echo);
		expect(dropped.result).toEqual({ noWebhookResponse: true });
		expect(dropped.response.statusCode).toBe(200);
		expect(dropped.response.body).toEqual({ ok: true, ignored: 'no selected event' });

		const included = await deliver(
			trigger({ events: ['reply', 'userMessage'] }),
			buildAiWebhook({ message_type: 'user', is_bot: false, message_id: 2 }),
		);
		expect(included.items.map((i) => i.event)).toEqual(['userMessage']);
	});

	it('drops a second delivery of the same message_id, per workflow, and can keep it', async () => {
		const body = buildAiWebhook({ message_id: 555 });
		const node = trigger();
		expect((await deliver(node, body)).items).toHaveLength(1);
		const again = await deliver(node, body);
		expect(again.result).toEqual({ noWebhookResponse: true });
		expect(again.response.body).toEqual({ ok: true, ignored: 'duplicate message_id' });
		// Another workflow receiving the same message is not a duplicate.
		expect((await deliver(trigger({}, 'wf-2'), body)).items).toHaveLength(1);
		// With the option off every delivery runs.
		expect(
			(await deliver(trigger({ options: { dropDuplicates: false } }), body)).items,
		).toHaveLength(1);
	});

	it('keeps ids sent as JSON numbers beyond 2^53 exact (read from the raw body), so neighbours stay apart', async () => {
		const node = trigger();
		const run = async (messageId: string) => {
			// n8n parses the JSON itself (rounding the number) and keeps the raw bytes.
			const raw = JSON.stringify(
				buildAiWebhook({ thread_id: 'BIG', message_id: 'BIG' as unknown as number }),
			).replace(/"BIG"/g, messageId);
			const { result } = await node.webhook({
				body: JSON.parse(raw) as IDataObject,
				rawBody: raw,
				query: { token: TOKEN },
			});
			return ((result.workflowData ?? []) as INodeExecutionData[][]).flat().map((i) => i.json);
		};
		const first = await run('12345678901234567890');
		expect(first[0]).toMatchObject({
			message_id: '12345678901234567890',
			thread_id: '12345678901234567890',
			message: { id: '12345678901234567890' },
		});
		// Rounded, both would be 12345678901234567168 and the second dropped as a duplicate.
		const second = await run('12345678901234567891');
		expect(second[0]).toMatchObject({ message_id: '12345678901234567891' });
	});

	it('emits one item per event when a reply also closes the dialog, reply first', async () => {
		const { items } = await deliver(
			trigger(),
			buildAiWebhook({ close: 1, message_text: 'Goodbye!', thread_id: bubbleId() }),
		);
		expect(items.map((i) => i.event)).toEqual(['reply', 'closed']);
		expect(items.every((i) => i.message_text === 'Goodbye!')).toBe(true);
	});

	it('filters events', async () => {
		const { items } = await deliver(
			trigger({ events: ['closed'] }),
			buildAiWebhook({ close: 'yes' }),
		);
		expect(items.map((i) => i.event)).toEqual(['closed']);
	});

	it('routes each event to its own output when "Separate Outputs per Event" is on', async () => {
		const node = trigger({ separateOutputs: true });
		const { outputs } = await deliver(
			node,
			buildAiWebhook({ operator: true, close: true, get_contact: 'true' }),
		);
		expect(outputs).toHaveLength(6);
		expect(outputs.map((o) => o.map((i) => i.json.event))).toEqual([
			['reply'],
			[],
			['handoff'],
			['closed'],
			['contactCaptured'],
			[],
		]);
		const operator = await deliver(
			node,
			buildAiWebhook({ message_type: 'operator', is_bot: false, operator: true }),
		);
		expect(operator.outputs[1].map((i) => i.json.event)).toEqual(['operatorMessage']);
	});

	it('shows the production and test URLs with the token, and the webhook accepts that token', async () => {
		const node = trigger();
		const options = await node.loadOptions('webhookUrls');
		expect(options.map((o) => o.value)).toEqual([
			`https://n8n.example.com/webhook/${PATH}?token=${TOKEN}`,
			`https://n8n.example.com/webhook-test/${PATH}?token=${TOKEN}`,
		]);
		const token = new URL(String(options[0].value)).searchParams.get('token');
		expect((await deliver(node, buildAiWebhook(), token)).items).toHaveLength(1);
		// n8n's own URL for the node is the same path.
		expect(node.webhookUrl('default', { mode: 'webhook' })).toBe(
			`https://n8n.example.com/webhook/${PATH}`,
		);
	});

	it('explains what is missing instead of showing a URL', async () => {
		const noPath = await trigger({ path: '={{ "x" }}' }).loadOptions('webhookUrls');
		expect(noPath[0]).toMatchObject({ value: '', name: expect.stringMatching(/fixed Path/) });
		const noCredential = new NodeHarness(new AiTaskTrigger(), {
			parameters: { path: PATH },
			credentialTypes: [new SelartiApi()],
		});
		expect((await noCredential.loadOptions('webhookUrls'))[0]).toMatchObject({
			value: '',
			name: expect.stringMatching(/credential/),
		});
	});

	it('activates without contacting Selarti (it has no webhook API)', async () => {
		const node = trigger();
		expect(await node.webhookMethod('checkExists')).toBe(false);
		expect(await node.webhookMethod('create')).toBe(true);
		expect(await node.webhookMethod('delete')).toBe(true);
	});
});

/**
 * Queue mode: each delivery may reach another webhook process. What one process decided reaches
 * the next only through the workflow's static data, which n8n loads from the database per request
 * and saves after webhook(): simulated here by a JSON copy, with the per-process memory wiped.
 */
describe('AI Task Trigger: decisions shared across n8n processes', () => {
	let database: IDataObject;
	beforeEach(() => {
		resetTriggerMemory();
		database = {};
	});

	/** One delivery in the current process: static data loaded from the database and saved back. */
	async function deliverThroughDatabase(body: unknown) {
		const staticData = JSON.parse(JSON.stringify(database)) as IDataObject;
		const delivered = await deliver(trigger({}, 'wf-1', staticData), body);
		database = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		return delivered;
	}

	/** One delivery in a fresh process (or after a restart): static data from the database, nothing in memory. */
	async function deliverInAnotherProcess(body: unknown) {
		resetTriggerMemory();
		return deliverThroughDatabase(body);
	}

	it('drops a redelivery that reaches another process (or the same one after a restart)', async () => {
		const body = buildAiWebhook({ message_id: 7001 });
		expect((await deliverInAnotherProcess(body)).items).toHaveLength(1);
		const again = await deliverInAnotherProcess(body);
		expect(again.result).toEqual({ noWebhookResponse: true });
		expect(again.response.body).toEqual({ ok: true, ignored: 'duplicate message_id' });
		expect(
			(await deliverInAnotherProcess(buildAiWebhook({ message_id: 7002 }))).items,
		).toHaveLength(1);
	});

	it('reports a handoff once per dialog although each message reaches another process', async () => {
		const thread_id = bubbleId();
		const events: unknown[][] = [];
		for (const id of [8001, 8002, 8003]) {
			const { items } = await deliverInAnotherProcess(operatorMessage(thread_id, id));
			events.push(items.map((i) => i.event));
		}
		expect(events).toEqual(HANDOFF_ONCE);
		// Back to the AI, then to an operator again: a new handoff, wherever it arrives.
		await deliverInAnotherProcess(buildAiWebhook({ thread_id, message_id: 8004 }));
		expect(
			(await deliverInAnotherProcess(operatorMessage(thread_id, 8005))).items.map((i) => i.event),
		).toEqual(['operatorMessage', 'handoff']);
	});

	it('reports captured contacts and a close once across processes, storing no contact data', async () => {
		const thread_id = bubbleId();
		const contacts = { phone: '+79990001122', name: 'Ivan' };
		const first = await deliverInAnotherProcess(
			buildAiWebhook({ thread_id, message_id: 9001, contacts, close: true }),
		);
		expect(first.items.map((i) => i.event)).toEqual(['reply', 'contactCaptured', 'closed']);
		const second = await deliverInAnotherProcess(
			buildAiWebhook({ thread_id, message_id: 9002, contacts, close: true }),
		);
		expect(second.items.map((i) => i.event)).toEqual(['reply']);
		expect(JSON.stringify(database)).not.toMatch(/79990001122|Ivan|9001|9002/);
	});

	it('writes static data only when a decision changes it', async () => {
		const thread_id = bubbleId();
		await deliverInAnotherProcess(buildAiWebhook({ thread_id, message_id: 9101, operator: true }));
		const before = JSON.stringify(database);
		const duplicate = await deliverInAnotherProcess(
			buildAiWebhook({ thread_id, message_id: 9101, operator: true }),
		);
		expect(duplicate.response.body).toEqual({ ok: true, ignored: 'duplicate message_id' });
		expect(JSON.stringify(database)).toBe(before);
	});

	it('still reports a handoff once per process where static data does not come back (n8n 2.41 queue mode)', async () => {
		const thread_id = bubbleId();
		const events: unknown[][] = [];
		for (const id of [9301, 9302, 9303]) {
			// A fresh, empty static data object every time, and the same process memory.
			const { items } = await deliver(trigger({}, 'wf-1', {}), operatorMessage(thread_id, id));
			events.push(items.map((i) => i.event));
		}
		expect(events).toEqual(HANDOFF_ONCE);
	});

	it("reports a new handoff that static data knows of although this process's memory still says on", async () => {
		const thread_id = bubbleId();
		// Process A sees the takeover and keeps "on" in its memory.
		await deliverThroughDatabase(operatorMessage(thread_id, 9401));
		// Process B sees the dialog go back to the AI (its memory is empty).
		await deliverInAnotherProcess(operatorMessage(thread_id, 9402, false));
		// Back in A, whose memory said "on" (restored here by replaying its delivery into a scratch copy).
		await deliver(trigger({}, 'wf-1', {}), operatorMessage(thread_id, 9401));
		const again = await deliverThroughDatabase(operatorMessage(thread_id, 9403));
		expect(again.items.map((i) => i.event)).toEqual(['operatorMessage', 'handoff']);
	});

	it('uses only per-process memory for test deliveries, whose static data n8n discards', async () => {
		const staticData: IDataObject = {};
		const body = buildAiWebhook({ message_id: 9201 });
		const node = trigger({}, 'wf-1', staticData, 'manual');
		expect((await deliver(node, body)).items).toHaveLength(1);
		expect((await deliver(node, body)).response.body).toEqual({
			ok: true,
			ignored: 'duplicate message_id',
		});
		expect(staticData).toEqual({});
	});
});
