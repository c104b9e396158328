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

function trigger(parameters: Record<string, unknown> = {}, workflowId = 'wf-1'): NodeHarness {
	return new NodeHarness(new AiTaskTrigger(), {
		parameters: { path: PATH, ...parameters },
		credentials: { selartiApi: { baseUrl: 'http://127.0.0.1:1/api/1.1', apiKey: API_KEY } },
		credentialTypes: [new SelartiApi()],
		workflow: { id: workflowId },
		mode: 'webhook',
		baseUrl: 'https://n8n.example.com',
	});
}

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
