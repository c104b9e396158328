import { faults } from '../../../../fakes/fake-server';
import { FakeWazzup } from '../../../../fakes/wazzup';
import { useFakeProvider } from '../../../../helpers';
import {
	CLIENT,
	INSTAGRAM_QR,
	KEY,
	TELEGRAM,
	WABA,
	WHATSAPP,
	actionNode,
	conversationItem,
} from '../../support';

describe('Wazzup Message → Send against the fake Wazzup', () => {
	const wazzup = useFakeProvider(new FakeWazzup());

	it('sends to the conversation key of the incoming item, clearUnanswered off, with a crmMessageId', async () => {
		const output = await actionNode(wazzup, {
			text: '={{ "Echo: " + $json.message.text }}',
		}).execute([conversationItem()]);
		const [message] = wazzup.sent;
		expect(wazzup.sent).toHaveLength(1);
		expect(message.body).toMatchObject({
			channelId: WHATSAPP.channelId,
			chatType: 'whatsapp',
			chatId: CLIENT,
			text: 'Echo: Hi',
			clearUnanswered: false,
			crmMessageId: expect.stringMatching(/^n8n-[A-Za-z0-9_-]{32}$/),
		});
		expect(output?.[0][0].json).toMatchObject({
			ok: true,
			conversationKey: KEY,
			messageId: message.messageId,
			parts: 1,
			alreadySent: false,
		});
		// Short texts need no channel lookup: one request per message.
		expect(wazzup.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/message']);
	});

	it('a plain chat id takes the channel and its chat type; WABA is whatsapp, groups are never guessed', async () => {
		await actionNode(wazzup, { chatId: CLIENT, channelId: WABA.channelId, text: 'Hi' }).execute();
		await actionNode(wazzup, {
			chatId: 'ivan',
			channelId: TELEGRAM.channelId,
			text: 'Hi',
		}).execute();
		expect(wazzup.sent.map((m) => m.chatType)).toEqual(['whatsapp', 'telegram']);
		await actionNode(wazzup, {
			chatId: '-100123',
			channelId: TELEGRAM.channelId,
			chatType: 'telegroup',
			text: 'Hi group',
		}).execute();
		expect(wazzup.sent[2].chatType).toBe('telegroup');
	});

	it('refuses a plain chat id without a channel, naming the fix', async () => {
		await expect(actionNode(wazzup, { chatId: CLIENT, text: 'Hi' }).execute()).rejects.toThrow(
			/plain id, so Wazzup needs to know the channel/,
		);
		expect(wazzup.sent).toHaveLength(0);
	});

	it("splits a long text at the channel's limit, in order, buttons on the last part, quote on the first", async () => {
		const paragraphs = [1, 2, 3].map((n) => `Part ${n}: ` + 'lorem ipsum '.repeat(300));
		const output = await actionNode(wazzup, {
			chatId: `wazzup:${TELEGRAM.channelId}:telegram:ivan`,
			text: paragraphs.join('\n\n'),
			buttonsMode: 'fields',
			buttons: { button: [{ text: 'Talk to a human', type: 'callback', callbackData: 'handoff' }] },
			options: { refMessageId: 'quoted-1' },
		}).execute();
		const sent = wazzup.sentTo('ivan');
		expect(sent.map((m) => m.text?.slice(0, 7))).toEqual(['Part 1:', 'Part 2:', 'Part 3:']);
		expect(sent.every((m) => (m.text ?? '').length <= 4096)).toBe(true);
		expect(sent.map((m) => m.body.refMessageId)).toEqual(['quoted-1', undefined, undefined]);
		expect(sent.map((m) => m.body.buttonsObject)).toEqual([
			undefined,
			undefined,
			{ buttons: [{ text: 'Talk to a human', type: 'callback', callbackData: 'handoff' }] },
		]);
		expect(new Set(sent.map((m) => m.crmMessageId)).size).toBe(3);
		expect(output?.[0][0].json.parts).toBe(3);
	});

	it('WhatsApp takes 10 000 characters in one message, Instagram splits at 1 000', async () => {
		const text = 'word '.repeat(1_900).trim();
		await actionNode(wazzup, { text }).execute([conversationItem()]);
		expect(wazzup.sentTo(CLIENT)).toHaveLength(1);
		wazzup.channels.find((c) => c.channelId === INSTAGRAM_QR.channelId)!.state = 'active';
		await actionNode(wazzup, {
			chatId: `wazzup:${INSTAGRAM_QR.channelId}:instagram:shop.client`,
			text: 'word '.repeat(500).trim(),
		}).execute();
		expect(wazzup.sentTo('shop.client').map((m) => (m.text ?? '').length)).toEqual([999, 999, 499]);
	});

	it('text and file become two messages, text first (Wazzup takes one of them per message)', async () => {
		const output = await actionNode(wazzup, {
			text: 'Here is our price list',
			fileUrl: 'https://example.com/prices.pdf',
		}).execute([conversationItem()]);
		expect(wazzup.sentTo(CLIENT).map((m) => [m.text, m.contentUri])).toEqual([
			['Here is our price list', undefined],
			[undefined, 'https://example.com/prices.pdf'],
		]);
		expect(output?.[0][0].json.parts).toBe(2);
	});

	it('sends a WABA template with its values, and refuses a template with free text', async () => {
		await actionNode(wazzup, {
			chatId: `wazzup:${WABA.channelId}:whatsapp:${CLIENT}`,
			options: { templateId: 'tpl-1', templateValues: '["Anna", 12]' },
		}).execute();
		expect(wazzup.sent[0].body).toMatchObject({
			templateId: 'tpl-1',
			templateValues: ['Anna', '12'],
		});
		await expect(
			actionNode(wazzup, { text: 'Hi', options: { templateId: 'tpl-1' } }).execute([
				conversationItem(),
			]),
		).rejects.toThrow(/Text and Template ID are both set/);
	});

	it('buttons from JSON are sent as they are', async () => {
		await actionNode(wazzup, {
			text: 'Pick one',
			buttonsMode: 'json',
			buttonsJson: '{"buttons":[{"text":"Yes","type":"quickReply"}],"oneTimeKeyboard":true}',
		}).execute([conversationItem()]);
		expect(wazzup.sent[0].body.buttonsObject).toEqual({
			buttons: [{ text: 'Yes', type: 'quickReply' }],
			oneTimeKeyboard: true,
		});
	});

	describe('exactly once', () => {
		it.each(['5xx', 'drop'] as const)(
			'a send whose answer was lost (%s) is retried, refused as a repeat, and reported as delivered once',
			async (fault) => {
				wazzup.failAfterSend(fault);
				const output = await actionNode(wazzup, { text: 'Only once' }).execute([
					conversationItem(),
				]);
				expect(wazzup.sentTo(CLIENT).map((m) => m.text)).toEqual(['Only once']);
				expect(wazzup.requestsTo('POST /v3/message')).toHaveLength(2);
				expect(output?.[0][0].json).toMatchObject({
					ok: true,
					alreadySent: true,
					messageId: wazzup.sent[0].messageId,
				});
			},
		);

		it('a 5xx before the send was processed is retried and delivers once', async () => {
			wazzup.failNext('POST /v3/message', faults.respond(503, { error: 'UNAVAILABLE' }), 2);
			await actionNode(wazzup, { text: 'Hello' }).execute([conversationItem()]);
			expect(wazzup.sentTo(CLIENT)).toHaveLength(1);
			expect(wazzup.requestsTo('POST /v3/message')).toHaveLength(3);
		});

		it('the same item of the same execution gets the same crmMessageId; a user-given one wins', async () => {
			const node = actionNode(wazzup, { text: 'Retry On Fail' });
			await node.execute([conversationItem()]);
			const again = await node.execute([conversationItem()]);
			expect(wazzup.sentTo(CLIENT)).toHaveLength(1);
			expect(again?.[0][0].json.alreadySent).toBe(true);

			await actionNode(wazzup, { text: 'Mine', options: { crmMessageId: 'order-42' } }).execute([
				conversationItem(),
			]);
			expect(wazzup.sent[1].crmMessageId).toBe('order-42');
		});

		it('a refusal other than a repeat is an error of its item; continueOnFail keeps going', async () => {
			const output = await actionNode(wazzup, {
				chatId: '={{ $json.key }}',
				text: 'Hi',
			}).execute(
				[
					{ json: { key: `wazzup:${INSTAGRAM_QR.channelId}:instagram:someone` } },
					{ json: { key: KEY } },
				],
				{ continueOnFail: true },
			);
			expect(output?.[0][0].json).toMatchObject({ ok: false, error: expect.stringMatching(/qr/) });
			expect(output?.[0][1].json).toMatchObject({ ok: true });
			expect(wazzup.sent).toHaveLength(1);
		});
	});

	it('waits out a 429 and then sends', async () => {
		wazzup.failNext(
			'POST /v3/message',
			faults.respond(429, { error: 'TOO_MANY_REQUESTS' }, { 'retry-after': '1' }),
		);
		const started = Date.now();
		await actionNode(wazzup, { text: 'After the wait' }).execute([conversationItem()]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(wazzup.sentTo(CLIENT)).toHaveLength(1);
	});
});
