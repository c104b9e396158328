import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Omnidesk } from '../../../nodes/Omnidesk/Omnidesk.node';
import { OmnideskTrigger } from '../../../nodes/Omnidesk/OmnideskTrigger.node';
import { resetTriggerMemory } from '../../../nodes/Omnidesk/trigger/memory';
import { NEW_MESSAGE_RULE_BODY } from '../../../nodes/Omnidesk/trigger/ruleBodies';
import { triggerToken } from '../../../nodes/Omnidesk/trigger/webhookUrl';
import { faults } from '../../fakes/fake-server';
import { buildAdminJsonWebhook, buildRulesWebhook, DEFAULT_API_KEY } from '../../fakes/omnidesk';
import { omnideskHarness, useOmnidesk } from './setup';

const PATH = 'omnidesk-support';
const TOKEN = triggerToken(DEFAULT_API_KEY, PATH);

describe('Omnidesk Trigger: webhook()', () => {
	const desk = useOmnidesk();
	beforeEach(() => resetTriggerMemory());
	const trigger = (parameters: Record<string, unknown> = {}) =>
		omnideskHarness(
			desk,
			new OmnideskTrigger(),
			{ path: PATH, ...parameters },
			{ mode: 'webhook', workflow: { id: 'wf-1' }, baseUrl: 'https://n8n.example.com' },
		);
	const deliver = async (
		body: unknown,
		parameters: Record<string, unknown> = {},
		token: string | null = TOKEN,
	) => {
		const { result, response } = await trigger(parameters).webhook({
			body,
			query: token === null ? {} : { token },
		});
		const items = ((result.workflowData ?? []) as INodeExecutionData[][])
			.flat()
			.map((item) => item.json);
		return { result, response, items, answer: response.body as IDataObject };
	};
	/** A client message in case 2001, as the "changed cases" rule would send it. */
	const clientMessage = (text = '<p>Where is my <b>order</b>?</p>') => {
		const message = desk.addClientMessage(2001, text);
		return buildRulesWebhook({ kase: desk.caseOf(2001), message });
	};

	it.each([
		['no token', null],
		['a wrong token', 'x'.repeat(32)],
		['the token of another path', triggerToken(DEFAULT_API_KEY, 'other')],
		['a token made with another key', triggerToken('another-key', PATH)],
	])('answers 403 and starts nothing with %s', async (_label, token) => {
		const { result, response } = await deliver(clientMessage(), {}, token);
		expect(response.statusCode).toBe(403);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(response.body)).not.toContain(TOKEN);
	});

	it('after activation checks the token without reading the credential (issue #15)', async () => {
		const node = trigger({ options: { checkLastMessage: false } });
		expect(await node.webhookMethod('create')).toBe(true);
		expect(JSON.stringify(node.staticData)).not.toContain(TOKEN);
		const reads = jest.spyOn(node as unknown as { readCredentials(): unknown }, 'readCredentials');
		const { result } = await node.webhook({ body: clientMessage(), query: { token: TOKEN } });
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(reads).not.toHaveBeenCalled();
		const refused = await node.webhook({ body: clientMessage(), query: { token: 'x'.repeat(32) } });
		expect(refused.response.statusCode).toBe(403);
	});

	it('turns a client message into the conversation event (plain text from HTML, raw kept)', async () => {
		const body = clientMessage();
		const { items, response } = await deliver(body);
		// Answered by the node itself: n8n's own answer would be the text `firstEntryJson`.
		expect([response.statusCode, response.body, response.ended]).toEqual([200, { ok: true }, true]);
		expect(items).toEqual([
			{
				event: 'newMessage',
				conversation: { key: 'omnidesk:2001', channel: 'omnidesk', chatId: '2001', caseId: '2001' },
				message: {
					id: body.last_message_id,
					text: 'Where is my order?',
					type: 'text',
					html: '<p>Where is my <b>order</b>?</p>',
					attachments: [],
				},
				contact: { id: '456', name: 'Ivan Ivanov', email: 'ivan@example.com' },
				case: expect.objectContaining({
					id: '2001',
					number: '664-245652',
					status: 'open',
					statusLabel: 'открытое',
				}),
				raw: body,
			},
		]);
	});

	it('accepts the seed body with numbers', async () => {
		const message = desk.addClientMessage(2001, 'Hi');
		const { items } = await deliver(buildAdminJsonWebhook({ kase: desk.caseOf(2001), message }));
		expect(items[0]).toMatchObject({ event: 'newMessage', conversation: { key: 'omnidesk:2001' } });
	});

	it.each([
		['an empty body', undefined, /empty/],
		['a body without a case', { hello: 'world' }, /case_id/],
		['an unfilled placeholder', JSON.parse(NEW_MESSAGE_RULE_BODY), /placeholder \[case_id\]/],
	])('answers 400 naming the problem for %s, and starts nothing', async (_label, body, problem) => {
		const { result, response, answer } = await deliver(body);
		expect(response.statusCode).toBe(400);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(String(answer.error)).toMatch(problem);
	});

	describe('loop guard', () => {
		it('drops a staff reply the body names, without asking Omnidesk', async () => {
			const reply = { staff_id: 33, content: 'Operator here', message_id: 1 };
			const body = buildRulesWebhook({ kase: desk.caseOf(2001), message: reply as never });
			const { items, response, answer } = await deliver(body);
			expect(items).toHaveLength(0);
			expect(response.statusCode).toBe(200);
			expect(answer.ignored).toMatch(/staff member 33/);
			expect(desk.requests).toHaveLength(0);
		});

		/** The bot's reply, added to case 2001 through the action node as a workflow would. */
		const botReply = async (text = 'AI answer') => {
			await omnideskHarness(desk, new Omnidesk(), {
				resource: 'message',
				operation: 'add',
				chatId: 'omnidesk:2001',
				text,
			}).execute();
			return desk.messagesOf(2001).at(-1)!;
		};

		it("drops a delivery for the bot's own reply, though the body says nothing of its author", async () => {
			clientMessage('Hello');
			const reply = await botReply();
			const body = buildRulesWebhook({ kase: desk.caseOf(2001), message: reply });
			const { items, answer } = await deliver({ ...body, last_staff_id: '' });
			expect(items).toHaveLength(0);
			expect(answer.ignored).toMatch(/staff member 41094 wrote the message/);
		});

		it('judges the newest message when the body names none', async () => {
			const body = clientMessage('Hello');
			await botReply();
			const { items, answer } = await deliver({ ...body, last_message_id: '', last_staff_id: '' });
			expect(items).toHaveLength(0);
			expect(answer.ignored).toMatch(/staff member 41094 wrote the newest message/);
		});

		it('passes a client message whose webhook arrives after the bot answered the one before it', async () => {
			// Rule webhooks can arrive late: the bot's answer to the first question is already newer.
			clientMessage('First question');
			const second = clientMessage('Second question');
			await botReply('AI answer to the first question');
			const { items } = await deliver(second);
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ message: { text: 'Second question' } });
		});

		it('drops rule messages and notes', async () => {
			const rule = await deliver({ ...clientMessage(), sent_via_rule: 'true' });
			expect(rule.answer.ignored).toMatch(/rule/);
			desk.addClientMessage(2001, 'x');
			desk.messagesOf(2001).at(-1)!.note = true;
			const note = await deliver({ case_id: '2001', last_message: 'x' });
			expect(note.answer.ignored).toMatch(/note/);
		});

		it('can skip the API check', async () => {
			desk.addClientMessage(2001, 'x');
			desk.messagesOf(2001).at(-1)!.staff_id = 22;
			const { items } = await deliver(
				{ case_id: '2001', last_message: 'x' },
				{ options: { checkLastMessage: false } },
			);
			expect(items).toHaveLength(1);
			expect(desk.requests).toHaveLength(0);
		});

		it('drops (200, logged) when Omnidesk cannot be asked, never 5xx', async () => {
			desk.failNext(/messages\.json/, faults.respond(401, { error: 'unauthorized' }));
			const { items, response, answer } = await deliver(clientMessage());
			expect(items).toHaveLength(0);
			expect(response.statusCode).toBe(200);
			expect(answer.ignored).toMatch(/could not be checked/);
		});
	});

	describe('bot label filter', () => {
		const botOnly = { onlyBotLabel: true, botLabel: '104' };

		it('passes cases with the bot label (ids or titles in case_tags) and drops the others', async () => {
			desk.caseOf(2001).labels = [101, 104];
			expect((await deliver(clientMessage(), botOnly)).items).toHaveLength(1);
			expect(
				(await deliver({ ...clientMessage(), case_tags: 'vip, ai-handled' }, botOnly)).items,
			).toHaveLength(1);
			desk.caseOf(2001).labels = [101];
			const dropped = await deliver(clientMessage(), botOnly);
			expect(dropped.items).toHaveLength(0);
			expect(dropped.answer.ignored).toMatch(/bot label/);
		});

		it('reads the labels from Omnidesk when the body has none, label configured by title', async () => {
			desk.caseOf(2001).labels = [104];
			const body = { case_id: '2001', last_message: 'Hi' };
			desk.addClientMessage(2001, 'Hi');
			expect(
				(await deliver(body, { onlyBotLabel: true, botLabel: 'AI-handled' })).items,
			).toHaveLength(1);
			desk.caseOf(2001).labels = [];
			expect(
				(await deliver(body, { onlyBotLabel: true, botLabel: 'AI-handled' })).items,
			).toHaveLength(0);
		});
	});

	describe('repeated deliveries', () => {
		it('passes a message once, by its id from the body or from Omnidesk', async () => {
			const body = clientMessage('Hi');
			expect((await deliver(body)).items).toHaveLength(1);
			const again = await deliver(body);
			expect(again.items).toHaveLength(0);
			expect(again.answer.ignored).toMatch(/already delivered/);
			// No id in the body: the newest message's id read from Omnidesk is the same.
			expect((await deliver({ case_id: '2001', last_message: 'Hi' })).items).toHaveLength(0);
			const next = clientMessage('And another thing');
			expect((await deliver(next)).items).toHaveLength(1);
		});

		it('can pass repeats on', async () => {
			const body = clientMessage('Hi');
			await deliver(body, { options: { dropRepeats: false } });
			expect((await deliver(body, { options: { dropRepeats: false } })).items).toHaveLength(1);
		});
	});

	describe('Staff Reply (operators answer clients of another channel)', () => {
		const staffOnly = { events: ['staffReply'] };
		/** An operator's reply in case 2001, as the "staff replied" rule would send it. */
		const operatorReply = (staffId: number, text = 'Operator here') => {
			const message = desk.addClientMessage(2001, text);
			Object.assign(message, { staff_id: staffId, user_id: 0 });
			return buildRulesWebhook({ kase: desk.caseOf(2001), message }, { event: 'staff_reply' });
		};

		it("passes an operator's reply with the staff member, checked against Omnidesk", async () => {
			const body = operatorReply(22);
			const { items } = await deliver(body, staffOnly);
			expect(items).toEqual([
				expect.objectContaining({
					event: 'staffReply',
					conversation: expect.objectContaining({ key: 'omnidesk:2001' }),
					message: expect.objectContaining({ text: 'Operator here', staffId: '22' }),
					contact: expect.objectContaining({ email: 'ivan@example.com' }),
				}),
			]);
		});

		it("drops replies written with the trigger's own credential (the mirrored AI answers)", async () => {
			const { items, answer } = await deliver(operatorReply(41094, 'AI answer'), staffOnly);
			expect(items).toHaveLength(0);
			expect(answer.ignored).toMatch(/credential's own user/);
		});

		it('drops client messages, notes and rule messages; a new-message trigger still drops staff', async () => {
			const client = await deliver(
				{ ...clientMessage('Hi'), event: 'staff_reply' },
				{ ...staffOnly, options: { checkLastMessage: true } },
			);
			expect(client.items).toHaveLength(0);
			expect(client.answer.ignored).toMatch(/not a staff reply \(client\)/);
			const rule = await deliver({ ...operatorReply(22), sent_via_rule: 'true' }, staffOnly);
			expect(rule.answer.ignored).toMatch(/not a staff reply: .*rule/);
			const staffAsMessage = await deliver({ ...operatorReply(33), event: 'new_message' });
			expect(staffAsMessage.answer.ignored).toMatch(/not a client message/);
		});

		it('without the API check, needs the staff member in the body', async () => {
			const options = { ...staffOnly, options: { checkLastMessage: false } };
			const named = await deliver(operatorReply(33), options);
			expect(named.items).toHaveLength(1);
			const unnamed = operatorReply(22, 'Second');
			delete unnamed.last_staff_id;
			const dropped = await deliver(unnamed, options);
			expect(dropped.items).toHaveLength(0);
			expect(dropped.answer.ignored).toMatch(/names no staff member/);
		});

		it('ignores the bot label: operators answer cases the AI handed over', async () => {
			desk.caseOf(2001).labels = [101];
			const { items } = await deliver(operatorReply(22), {
				...staffOnly,
				onlyBotLabel: true,
				botLabel: '104',
			});
			expect(items).toHaveLength(1);
		});
	});

	it('drops events that are not selected', async () => {
		const { items, answer } = await deliver(
			{ event: 'new_case', case_id: '2001', case_description: 'Hi' },
			{ events: ['newMessage'] },
		);
		expect(items).toHaveLength(0);
		expect(answer.ignored).toMatch(/newCase not selected/);
	});
});

describe('Omnidesk Trigger: URL and lifecycle', () => {
	const desk = useOmnidesk();

	it('shows the production and test URLs with the token; activation registers nothing', async () => {
		const harness = omnideskHarness(
			desk,
			new OmnideskTrigger(),
			{ path: `/${PATH}/` },
			{ baseUrl: 'https://n8n.example.com' },
		);
		const urls = await harness.loadOptions('webhookUrls');
		expect(urls.map((url) => url.value)).toEqual([
			`https://n8n.example.com/webhook/${PATH}?token=${TOKEN}`,
			`https://n8n.example.com/webhook-test/${PATH}?token=${TOKEN}`,
		]);
		expect(await harness.webhookMethod('checkExists')).toBe(false);
		expect(await harness.webhookMethod('create')).toBe(true);
		expect(harness.logs.map((entry) => entry.message).join('\n')).toMatch(
			/no API to register webhooks/,
		);
		expect(await harness.webhookMethod('delete')).toBe(true);
		expect(desk.requests).toHaveLength(0);
	});
});
