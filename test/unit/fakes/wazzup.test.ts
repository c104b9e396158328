import axios from 'axios';

import { FakeServer } from '../../fakes/fake-server';
import {
	DEFAULT_WAZZUP_CHANNELS,
	DEFAULT_WAZZUP_KEY,
	FakeWazzup,
	buildWazzupCreateContact,
	buildWazzupCreateDeal,
	buildWazzupErrorStatus,
	buildWazzupMediaMessage,
	buildWazzupMessage,
	buildWazzupStatus,
	buildWazzupTemplateStatus,
} from '../../fakes/wazzup';

const client = axios.create({ validateStatus: () => true, timeout: 5000 });
const SIDECAR = 'sidecar-key';
const [WHATSAPP, WABA, TELEGRAM, INSTAGRAM_QR] = DEFAULT_WAZZUP_CHANNELS.map((c) => c.channelId);
const bearer = (key = DEFAULT_WAZZUP_KEY) => ({ headers: { Authorization: `Bearer ${key}` } });

describe('FakeWazzup', () => {
	const wazzup = new FakeWazzup({ sidecarKeys: [SIDECAR], webhookProbeTimeoutMs: 2000 });
	const receiver = new FakeServer();

	beforeAll(async () => {
		await wazzup.start();
		await receiver.start();
		receiver.route('POST', '/hook/ok', () => ({ json: { ok: true } }));
		receiver.route('POST', '/hook/fail', () => ({ status: 500, json: { error: 'boom' } }));
		receiver.route('POST', '/hook/contact', (request) => ({
			json: {
				id: 'contact-42',
				...((request.json as { createContact?: object }).createContact ?? {}),
			},
		}));
	});
	afterAll(async () => {
		await wazzup.stop();
		await receiver.stop();
	});
	beforeEach(() => {
		wazzup.reset();
		receiver.reset();
		wazzup.setRateLimit({ limit: 500, windowMs: 5000 });
		wazzup.options.repeatedCrmMessageId = undefined;
		wazzup.options.crmMessageIdWindowMs = undefined;
		wazzup.options.echoSends = undefined;
		wazzup.options.crmKey = undefined;
	});

	const send = async (body: Record<string, unknown>, key = DEFAULT_WAZZUP_KEY) =>
		await client.post(`${wazzup.apiBaseUrl}/message`, body, bearer(key));
	const text = (chatId: string, extra: Record<string, unknown> = {}) => ({
		channelId: WHATSAPP,
		chatType: 'whatsapp',
		chatId,
		text: 'hello',
		...extra,
	});
	const subscribe = async (path = '/hook/ok', subscriptions: Record<string, boolean> = {}) =>
		await client.patch(
			`${wazzup.apiBaseUrl}/webhooks`,
			{ webhooksUri: `${receiver.url}${path}?token=s3cret`, subscriptions },
			bearer(),
		);

	describe('auth', () => {
		it('lists channels for a valid key, with transport and state', async () => {
			const answer = await client.get(`${wazzup.apiBaseUrl}/channels`, bearer());
			expect(answer.status).toBe(200);
			expect(answer.data).toHaveLength(4);
			expect(answer.data[0]).toEqual({
				channelId: WHATSAPP,
				transport: 'whatsapp',
				plainId: '79990001122',
				state: 'active',
				name: 'Sales WhatsApp',
			});
		});

		it('answers 401 for a missing or wrong key, on every route', async () => {
			const missing = await client.get(`${wazzup.apiBaseUrl}/channels`);
			expect(missing.status).toBe(401);
			expect(missing.data).toMatchObject({ error: 'UNAUTHORIZED' });
			expect((await send(text('79011112233'), 'nope')).status).toBe(401);
			expect((await client.get(`${wazzup.apiBaseUrl}/contacts`, bearer('nope'))).status).toBe(401);
			expect(wazzup.sent).toHaveLength(0);
		});

		it('lets a sidecar key reach channels, message, webhooks and templates only (403 elsewhere)', async () => {
			const key = bearer(SIDECAR);
			expect((await client.get(`${wazzup.apiBaseUrl}/channels`, key)).status).toBe(200);
			expect((await send(text('79011112233'), SIDECAR)).status).toBe(201);
			expect((await client.get(`${wazzup.apiBaseUrl}/webhooks`, key)).status).toBe(200);
			expect((await client.get(`${wazzup.apiBaseUrl}/templates/whatsapp`, key)).status).toBe(200);
			for (const path of ['/contacts', '/deals', '/users', '/unanswered/1']) {
				const refused = await client.get(`${wazzup.apiBaseUrl}${path}`, key);
				expect(refused.status).toBe(403);
				expect(refused.data.error).toBe('FORBIDDEN');
			}
			// A full key is not refused there.
			expect((await client.get(`${wazzup.apiBaseUrl}/contacts`, bearer())).status).toBe(200);
			expect(wazzup.sent[0].sidecar).toBe(true);
		});
	});

	describe('POST /v3/message', () => {
		it('answers 201 with messageId and chatId and records the send by chat', async () => {
			const first = await send(text('79011112233', { crmUserId: 'u1' }));
			expect(first.status).toBe(201);
			expect(first.data).toEqual({ messageId: expect.any(String), chatId: '79011112233' });
			await send(text('79011112233', { text: 'again' }));
			await send({ channelId: TELEGRAM, chatType: 'telegram', username: 'ivan', text: 'tg' });
			expect(wazzup.sentTo('79011112233').map((m) => m.text)).toEqual(['hello', 'again']);
			expect(wazzup.sentTo('79011112233')[0]).toMatchObject({
				messageId: first.data.messageId,
				body: { crmUserId: 'u1' },
			});
			expect([...wazzup.sentByChat().keys()]).toEqual(['79011112233', 'ivan']);
		});

		it('refuses text and contentUri together, missing fields, bad chat ids and long texts', async () => {
			const cases: Array<[Record<string, unknown>, string]> = [
				[
					text('79011112233', { contentUri: 'https://x.test/a.png' }),
					'MESSAGE_ONLY_TEXT_OR_CONTENT',
				],
				[{ channelId: WHATSAPP, chatType: 'whatsapp', text: 'hi' }, 'VALIDATION_ERROR'],
				[{ chatType: 'whatsapp', chatId: '7901', text: 'hi' }, 'VALIDATION_ERROR'],
				[{ channelId: WHATSAPP, chatId: '7901', text: 'hi' }, 'VALIDATION_ERROR'],
				[text('79011112233', { chatType: 'fax' }), 'VALIDATION_ERROR'],
				[text('79011112233', { text: undefined }), 'MESSAGE_EMPTY'],
				[text('+7 901 111'), 'INVALID_CHAT_ID'],
				[
					{ channelId: TELEGRAM, chatType: 'telegram', chatId: '1', text: 'x'.repeat(4097) },
					'TOO_LONG_TEXT',
				],
			];
			for (const [body, error] of cases) {
				const answer = await send(body);
				expect([answer.status, answer.data.error]).toEqual([400, error]);
				expect(typeof answer.data.description).toBe('string');
			}
			expect((await send(text('1', { channelId: 'nope' }))).data).toMatchObject({
				error: 'CHANNEL_NOT_FOUND',
				data: { channelId: 'nope' },
			});
			const inactive = await send({
				channelId: INSTAGRAM_QR,
				chatType: 'instagram',
				chatId: 'ivan',
				text: 'hi',
			});
			expect(inactive.status).toBe(400);
			expect(inactive.data).toMatchObject({ error: 'CHANNEL_NOT_ACTIVE', data: { state: 'qr' } });
			expect(wazzup.sent).toHaveLength(0);
		});

		it('sends content by contentUri and WhatsApp text up to 10 000 characters', async () => {
			expect(
				(await send(text('1', { text: undefined, contentUri: 'https://x.test/a.pdf' }))).status,
			).toBe(201);
			expect((await send(text('1', { text: 'x'.repeat(10_000) }))).status).toBe(201);
			expect((await send(text('1', { text: 'x'.repeat(10_001) }))).status).toBe(400);
			expect(wazzup.sent[0].contentUri).toBe('https://x.test/a.pdf');
		});

		it('refuses a repeated crmMessageId with the first messageId, sending once', async () => {
			const first = await send(text('79011112233', { crmMessageId: 'crm-1' }));
			const repeat = await send(text('79011112233', { crmMessageId: 'crm-1' }));
			expect(repeat.status).toBe(400);
			expect(repeat.data).toMatchObject({
				error: 'REPEATED_CRM_MESSAGE_ID',
				data: { messageId: first.data.messageId, chatId: '79011112233' },
			});
			expect(wazzup.sent).toHaveLength(1);
			expect((await send(text('79011112233', { crmMessageId: 'crm-2' }))).status).toBe(201);
		});

		it("answers a repeat with the first messageId in 'returnFirst' mode, still sending once", async () => {
			wazzup.options.repeatedCrmMessageId = 'returnFirst';
			const first = await send(text('79011112233', { crmMessageId: 'crm-1' }));
			const repeat = await send(text('79011112233', { crmMessageId: 'crm-1' }));
			expect(repeat.status).toBe(201);
			expect(repeat.data).toEqual(first.data);
			expect(wazzup.sent).toHaveLength(1);
		});

		it('forgets a crmMessageId after its window', async () => {
			wazzup.options.crmMessageIdWindowMs = 30;
			await send(text('1', { crmMessageId: 'crm-1' }));
			await new Promise((resolve) => setTimeout(resolve, 60));
			expect((await send(text('1', { crmMessageId: 'crm-1' }))).status).toBe(201);
			expect(wazzup.sent).toHaveLength(2);
		});
	});

	describe('PATCH / DELETE /v3/message/:id', () => {
		it('edits and deletes a sent message', async () => {
			const { messageId } = (await send(text('1'))).data as { messageId: string };
			const edited = await client.patch(
				`${wazzup.apiBaseUrl}/message/${messageId}`,
				{ text: 'fixed' },
				bearer(),
			);
			expect([edited.status, edited.data]).toEqual([200, { ok: true }]);
			expect(wazzup.sent[0]).toMatchObject({ text: 'fixed', isEdited: true, oldTexts: ['hello'] });
			const deleted = await client.delete(`${wazzup.apiBaseUrl}/message/${messageId}`, bearer());
			expect(deleted.status).toBe(200);
			expect(wazzup.sentTo('1')).toHaveLength(0);
			expect(wazzup.sentTo('1', { includeDeleted: true })[0].isDeleted).toBe(true);
			expect(
				(await client.delete(`${wazzup.apiBaseUrl}/message/${messageId}`, bearer())).status,
			).toBe(404);
		});

		it('refuses an unknown id, an empty edit and any change on WABA', async () => {
			expect((await client.delete(`${wazzup.apiBaseUrl}/message/nope`, bearer())).status).toBe(404);
			const { messageId } = (await send(text('1'))).data as { messageId: string };
			const empty = await client.patch(`${wazzup.apiBaseUrl}/message/${messageId}`, {}, bearer());
			expect(empty.status).toBe(400);
			const waba = (await send({ ...text('1'), channelId: WABA })).data as { messageId: string };
			const refused = await client.delete(
				`${wazzup.apiBaseUrl}/message/${waba.messageId}`,
				bearer(),
			);
			expect([refused.status, refused.data.error]).toEqual([400, 'NOT_ALLOWED_FOR_WABA']);
		});
	});

	describe('rate limit', () => {
		it('answers 429 with the wait once a key passes its limit, other keys unaffected', async () => {
			wazzup.setRateLimit({ limit: 3, windowMs: 5000 });
			for (let i = 0; i < 3; i++) {
				expect((await client.get(`${wazzup.apiBaseUrl}/channels`, bearer())).status).toBe(200);
			}
			const limited = await send(text('1'));
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toMatch(/^[1-5]$/);
			expect(limited.data).toMatchObject({
				error: 'TOO_MANY_REQUESTS',
				data: { retryAfterSeconds: Number(limited.headers['retry-after']) },
			});
			expect(wazzup.sent).toHaveLength(0);
			expect(wazzup.lastRequest()?.fault).toBe('rate-limit per-key');
			expect((await client.get(`${wazzup.apiBaseUrl}/channels`, bearer(SIDECAR))).status).toBe(200);
		});

		it('allows 500 requests per 5 seconds by default', async () => {
			const answers = await Promise.all(
				Array.from(
					{ length: 501 },
					async () => await client.get(`${wazzup.apiBaseUrl}/channels`, bearer()),
				),
			);
			expect(answers.filter((a) => a.status === 429)).toHaveLength(1);
		});
	});

	describe('webhooks', () => {
		it('reports no URL and every subscription off before a PATCH', async () => {
			const answer = await client.get(`${wazzup.apiBaseUrl}/webhooks`, bearer());
			expect(answer.data).toEqual({
				webhooksUri: null,
				subscriptions: {
					messagesAndStatuses: false,
					contactsAndDealsCreation: false,
					channelsUpdates: false,
					wabaTemplatesStatus: false,
				},
			});
		});

		it('probes the URL with {test:true} and stores it when it answers 200', async () => {
			const answer = await subscribe('/hook/ok', {
				messagesAndStatuses: true,
				templateStatus: true,
			});
			expect([answer.status, answer.data]).toEqual([200, { ok: true }]);
			const [probe] = await receiver.waitForRequests('POST /hook/ok');
			expect(probe.json).toEqual({ test: true });
			expect(probe.query).toEqual({ token: 's3cret' });
			expect(probe.headers['content-type']).toBe('application/json; charset-utf-8');
			expect(probe.headers.authorization).toBeUndefined();
			const settings = await client.get(`${wazzup.apiBaseUrl}/webhooks`, bearer());
			expect(settings.data).toEqual({
				webhooksUri: `${receiver.url}/hook/ok?token=s3cret`,
				subscriptions: {
					messagesAndStatuses: true,
					contactsAndDealsCreation: false,
					channelsUpdates: false,
					wabaTemplatesStatus: true,
				},
			});
		});

		it('fails the PATCH and keeps the old settings when the probe does not get a 200', async () => {
			await subscribe('/hook/ok', { messagesAndStatuses: true });
			const failed = await subscribe('/hook/fail', { channelsUpdates: true });
			expect(failed.status).toBe(400);
			expect(failed.data).toMatchObject({
				description: 'Webhooks request not valid. Response status must be 200',
				data: { status: 500 },
			});
			expect(wazzup.webhooks.webhooksUri).toContain('/hook/ok');
			expect(wazzup.webhooks.subscriptions.channelsUpdates).toBe(false);
			const unreachable = await client.patch(
				`${wazzup.apiBaseUrl}/webhooks`,
				{ webhooksUri: 'http://127.0.0.1:1/closed' },
				bearer(),
			);
			expect(unreachable.status).toBe(400);
			expect(unreachable.data.data.reason).toMatch(/ECONNREFUSED/);
			expect(wazzup.probes.map((p) => 'error' in p.result)).toEqual([false, false, true]);
		});

		it('refuses a missing, non-URL or longer-than-200 webhooksUri', async () => {
			const patch = async (body: Record<string, unknown>) =>
				(await client.patch(`${wazzup.apiBaseUrl}/webhooks`, body, bearer())).status;
			expect(await patch({ subscriptions: { messagesAndStatuses: true } })).toBe(400);
			expect(await patch({ webhooksUri: 'ftp://x' })).toBe(400);
			expect(await patch({ webhooksUri: `${receiver.url}/hook/ok?p=${'x'.repeat(200)}` })).toBe(
				400,
			);
			expect(wazzup.probes).toHaveLength(0);
		});

		it('delivers every webhook type to the subscribed URL, only when subscribed', async () => {
			await expect(wazzup.deliverMessages(buildWazzupMessage())).rejects.toThrow(/No webhook URL/);
			await subscribe('/hook/ok', { messagesAndStatuses: true });
			await expect(wazzup.deliverChannelsUpdates({ channelId: WHATSAPP })).rejects.toThrow(
				/channelsUpdates is off/,
			);
			await subscribe('/hook/ok', {
				contactsAndDealsCreation: true,
				channelsUpdates: true,
				templateStatus: true,
			});
			receiver.reset();
			const incoming = buildWazzupMessage({ channelId: WHATSAPP });
			await wazzup.deliverMessages(incoming, buildWazzupMediaMessage('image'));
			await wazzup.deliver({
				messages: [incoming],
				statuses: [buildWazzupStatus({ status: 'read' })],
			});
			await wazzup.deliverStatuses(buildWazzupErrorStatus('m-1', '24_HOURS_EXCEEDED'));
			await wazzup.setChannelState(WHATSAPP, 'phoneUnavailable', true);
			await wazzup.deliverCreateDeal(buildWazzupCreateDeal());
			await wazzup.deliverTemplateStatus(buildWazzupTemplateStatus({ status: 'rejected' }));
			const bodies = receiver.requests.map((r) => r.json as Record<string, unknown>);
			expect(bodies.map((b) => Object.keys(b).join('+'))).toEqual([
				'messages',
				'messages+statuses',
				'statuses',
				'channelsUpdates',
				'createDeal',
				'templateStatus',
			]);
			expect(bodies[0].messages).toEqual([
				incoming,
				expect.objectContaining({ type: 'image', contentUri: expect.any(String) }),
			]);
			expect((bodies[0].messages as Array<Record<string, unknown>>)[1].text).toBeUndefined();
			expect(bodies[2].statuses).toEqual([
				expect.objectContaining({
					status: 'error',
					error: expect.objectContaining({ error: '24_HOURS_EXCEEDED' }),
				}),
			]);
			expect(bodies[3].channelsUpdates).toEqual([
				{ channelId: WHATSAPP, state: 'phoneUnavailable' },
			]);
			expect(wazzup.channels[0].state).toBe('phoneUnavailable');
		});

		it('reads the created contact from the answer and signs with the crmKey when set', async () => {
			wazzup.options.crmKey = 'crm-secret';
			await subscribe('/hook/contact', { contactsAndDealsCreation: true });
			const delivery = await wazzup.deliverCreateContact(
				buildWazzupCreateContact({ name: 'Olga' }),
			);
			expect(delivery.status).toBe(200);
			expect(delivery.body).toMatchObject({ id: 'contact-42', name: 'Olga' });
			expect(receiver.lastRequest()?.headers.authorization).toBe('Bearer crm-secret');
		});

		it('echoes API sends as isEcho:true messages when echoSends is on', async () => {
			wazzup.options.echoSends = true;
			await subscribe('/hook/ok', { messagesAndStatuses: true });
			const { messageId } = (await send(text('79011112233', { crmUserId: 'u7' }))).data as {
				messageId: string;
			};
			await wazzup.echoDeliveries[0];
			const echo = (receiver.lastRequest()?.json as { messages: Array<Record<string, unknown>> })
				.messages[0];
			expect(echo).toMatchObject({
				messageId,
				isEcho: true,
				status: 'sent',
				chatId: '79011112233',
				text: 'hello',
				authorId: 'u7',
			});
		});
	});

	it('builds incoming messages with the documented fields', () => {
		const message = buildWazzupMessage();
		for (const field of [
			'messageId',
			'channelId',
			'chatType',
			'chatId',
			'dateTime',
			'type',
			'isEcho',
			'status',
			'contact',
		]) {
			expect(message).toHaveProperty(field);
		}
		expect(message.isEcho).toBe(false);
		expect(message.dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
	});

	it('reset() forgets sends, webhook settings, crmMessageIds and channel changes', async () => {
		await subscribe();
		await send(text('1', { crmMessageId: 'crm-1' }));
		await wazzup.setChannelState(WHATSAPP, 'disabled');
		wazzup.reset();
		expect(wazzup.sent).toHaveLength(0);
		expect(wazzup.webhooks.webhooksUri).toBeNull();
		expect(wazzup.channels[0].state).toBe('active');
		expect((await send(text('1', { crmMessageId: 'crm-1' }))).status).toBe(201);
	});
});
