import axios from 'axios';

import { FakeServer } from '../../fakes/fake-server';
import { FakeSelarti, buildAiWebhook, deliverAiWebhook } from '../../fakes/selarti';

const client = axios.create({ validateStatus: () => true, timeout: 5000 });

describe('FakeSelarti', () => {
	const selarti = new FakeSelarti({ tasks: ['task-1', 'task-2'], chatIdMaxLength: 40 });
	const receiver = new FakeServer();

	beforeAll(async () => {
		await selarti.start();
		await receiver.start();
		receiver.route('POST', '/webhook/:id', () => ({ json: { ok: true } }));
	});
	afterAll(async () => {
		await selarti.stop();
		await receiver.stop();
	});
	beforeEach(() => {
		selarti.reset();
		receiver.reset();
		selarti.setAutoReply(undefined);
	});

	const auth = async (key = 'test-selarti-key') =>
		await client.post(`${selarti.apiBaseUrl}/wf/auth`, { key });
	const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

	it('issues a token for a valid key in the Bubble envelope', async () => {
		const answer = await auth();
		expect(answer.status).toBe(200);
		expect(answer.data.status).toBe('success');
		expect(typeof answer.data.response.token).toBe('string');
		expect(selarti.tokensIssued).toBe(1);
	});

	it('refuses a wrong key with 401 and a message', async () => {
		const answer = await auth('nope');
		expect(answer.status).toBe(401);
		expect(answer.data).toMatchObject({
			statusCode: 401,
			message: 'Invalid API key',
			body: { status: 'UNAUTHORIZED' },
		});
	});

	it('needs a current bearer token on other workflows, and expireTokens() invalidates it', async () => {
		const body = { task_id: 'task-1', chat_id: 'telegram:1:2', text: 'hi' };
		expect((await client.post(`${selarti.apiBaseUrl}/wf/send_message`, body)).status).toBe(401);
		const token = (await auth()).data.response.token as string;
		const sent = await client.post(`${selarti.apiBaseUrl}/wf/send_message`, body, bearer(token));
		expect(sent.status).toBe(200);
		expect(sent.data.response.thread_id).toMatch(/^\d+x\d{18}$/);
		selarti.expireTokens();
		const expired = await client.post(`${selarti.apiBaseUrl}/wf/send_message`, body, bearer(token));
		expect(expired.status).toBe(401);
		expect(expired.data.message).toMatch(/expired/);
		expect(selarti.sent).toHaveLength(1);
	});

	it('validates task, chat id and text on send', async () => {
		const token = (await auth()).data.response.token as string;
		const send = async (body: Record<string, unknown>) =>
			await client.post(`${selarti.apiBaseUrl}/wf/send_message`, body, bearer(token));
		const unknownTask = await send({ task_id: 'task-9', chat_id: 'c', text: 't' });
		expect(unknownTask.status).toBe(400);
		expect(unknownTask.data.message).toContain('task-9');
		const noChat = await send({ task_id: 'task-1', text: 't' });
		expect(noChat.data.message).toMatch(/parameter chat_id/);
		const longChat = await send({ task_id: 'task-1', chat_id: 'x'.repeat(41), text: 't' });
		expect(longChat.status).toBe(400);
		expect(longChat.data.message).toMatch(/chat_id is too long/);
		expect((await send({ task_id: 'task-2', chat_id: 'c', text: '' })).data.message).toMatch(
			/parameter text/,
		);
	});

	it('keeps the thread of a chat across sends and records contact fields', async () => {
		const token = (await auth()).data.response.token as string;
		const send = async (text: string) =>
			await client.post(
				`${selarti.apiBaseUrl}/wf/send_message`,
				{ task_id: 'task-1', chat_id: 'telegram:1:2', text, name: 'Ivan' },
				bearer(token),
			);
		const first = await send('one');
		const second = await send('two');
		expect(second.data.response.thread_id).toBe(first.data.response.thread_id);
		expect(selarti.sent.map((m) => m.text)).toEqual(['one', 'two']);
		expect(selarti.sent[0].fields.name).toBe('Ivan');
	});

	it('adds a target to a known task', async () => {
		const token = (await auth()).data.response.token as string;
		const answer = await client.post(
			`${selarti.apiBaseUrl}/wf/add_target`,
			{ task: 'task-2', target: '@ivan' },
			bearer(token),
		);
		expect(answer.data).toEqual({ status: 'success', response: { added: true } });
		expect(selarti.targets).toEqual([{ task: 'task-2', target: '@ivan' }]);
	});

	it('answers an unknown workflow with 404 after the token check', async () => {
		const token = (await auth()).data.response.token as string;
		expect((await client.post(`${selarti.apiBaseUrl}/wf/close_dialog`, {})).status).toBe(401);
		expect(
			(await client.post(`${selarti.apiBaseUrl}/wf/close_dialog`, {}, bearer(token))).status,
		).toBe(404);
	});

	it('delivers an AI reply webhook after a send when onSendReplyTo is set', async () => {
		selarti.setAutoReply(`${receiver.url}/webhook/ai`);
		const token = (await auth()).data.response.token as string;
		await client.post(
			`${selarti.apiBaseUrl}/wf/send_message`,
			{ task_id: 'task-1', chat_id: 'telegram:7:8', text: 'ping' },
			bearer(token),
		);
		const [hook] = await receiver.waitForRequests('POST /webhook/:id', 1, 2000);
		expect(hook.json).toMatchObject({
			external_chat_id: 'telegram:7:8',
			message_text: 'AI: ping',
			message_type: 'bot',
			is_bot: true,
			task_id: 'task-1',
		});
		const delivery = await selarti.replyDeliveries[0];
		expect(delivery).toMatchObject({ status: 200 });
	});

	it('builds webhook bodies with every field and the provider quirks', () => {
		const plain = buildAiWebhook();
		for (const field of [
			'channel_id',
			'close',
			'company_id',
			'contacts',
			'external_chat_id',
			'get_contact',
			'interest',
			'is_bot',
			'manager_id',
			'message_id',
			'message_text',
			'message_type',
			'operator',
			'panel_url',
			'share_url',
			'success',
			'task_id',
			'thread_id',
			'title',
			'wh_type',
		]) {
			expect(plain).toHaveProperty(field);
		}
		expect(typeof plain.channel_id).toBe('number');
		const quirky = buildAiWebhook({ operator: 'yes' }, { booleans: 'string', ids: 'string' });
		expect(quirky).toMatchObject({ is_bot: 'true', close: 'false', operator: 'yes' });
		expect(typeof quirky.message_id).toBe('string');
		expect(buildAiWebhook({}, { booleans: 'number' }).is_bot).toBe(1);
		expect(buildAiWebhook({}, { booleans: 'yesno' }).success).toBe('no');
	});

	it('deliverAiWebhook posts the built body', async () => {
		const result = await deliverAiWebhook(`${receiver.url}/webhook/x`, {
			message_type: 'operator',
			operator: true,
		});
		expect(result.status).toBe(200);
		expect(receiver.lastRequest()?.json).toEqual(result.sent);
	});
});
