import axios from 'axios';
import FormData from 'form-data';

import { FakeServer, faults } from '../../fakes/fake-server';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../../fakes/telegram';
import {
	callbackQueryUpdate,
	editedMessageUpdate,
	photoUpdate,
	privateTextUpdate,
	supergroupTextUpdate,
} from '../../fakes/telegram-updates';

const client = axios.create({ validateStatus: () => true, timeout: 10_000 });
const TOKEN = DEFAULT_TELEGRAM_TOKEN;

describe('FakeTelegram', () => {
	const telegram = new FakeTelegram({
		webhookRetryMs: 50,
		rateLimits: { perChat: { limit: 2, windowMs: 2000 } },
	});
	const n8n = new FakeServer();
	const api = (method: string) => `${telegram.url}/bot${TOKEN}/${method}`;

	beforeAll(async () => {
		await telegram.start();
		await n8n.start();
		n8n.route('POST', '/webhook/tg', () => ({ json: { ok: true } }));
	});
	afterAll(async () => {
		await telegram.stop();
		await n8n.stop();
	});
	beforeEach(() => {
		telegram.reset();
		n8n.reset();
	});

	it('answers getMe with the bot id from the token, and 401 for a wrong token', async () => {
		const me = await client.get(api('getMe'));
		expect(me.data).toMatchObject({ ok: true, result: { id: 123456789, is_bot: true } });
		const wrong = await client.get(`${telegram.url}/bot1:wrong/getMe`);
		expect(wrong.status).toBe(401);
		expect(wrong.data).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
		expect((await client.get(api('noSuchMethod'))).data).toMatchObject({
			ok: false,
			error_code: 404,
		});
	});

	it('sends messages with increasing ids and records the options', async () => {
		const first = await client.post(api('sendMessage'), {
			chat_id: -1001293752024,
			text: 'Hello <b>you</b>',
			parse_mode: 'HTML',
			message_thread_id: 134545,
			reply_parameters: { message_id: 134546 },
			reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] },
			link_preview_options: { is_disabled: true },
			disable_notification: true,
			protect_content: true,
		});
		expect(first.data.ok).toBe(true);
		expect(first.data.result).toMatchObject({
			chat: { id: -1001293752024, type: 'supergroup' },
			message_thread_id: 134545,
			reply_to_message: { message_id: 134546 },
			reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] },
			has_protected_content: true,
		});
		const second = await client.post(api('sendMessage'), 'chat_id=-1001293752024&text=again', {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(second.data.result.message_id).toBe(first.data.result.message_id + 1);
		const sent = telegram.sentTo(-1001293752024);
		expect(sent).toHaveLength(2);
		expect(sent[0].args).toMatchObject({ disable_notification: true, parse_mode: 'HTML' });
	});

	it('refuses a text over 4096 characters and an empty text', async () => {
		const long = await client.post(api('sendMessage'), { chat_id: 1, text: 'x'.repeat(4097) });
		expect(long.status).toBe(400);
		expect(long.data.description).toBe('Bad Request: message is too long');
		expect(
			(await client.post(api('sendMessage'), { chat_id: 2, text: 'x'.repeat(4096) })).status,
		).toBe(200);
		expect((await client.post(api('sendMessage'), { chat_id: 3, text: '' })).data.description).toBe(
			'Bad Request: message text is empty',
		);
		expect((await client.post(api('sendMessage'), { text: 'a' })).data.description).toBe(
			'Bad Request: chat_id is empty',
		);
	});

	it('refuses callback_data longer than 64 bytes', async () => {
		const answer = await client.post(api('sendMessage'), {
			chat_id: 5,
			text: 'pick',
			reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'я'.repeat(33) }]] },
		});
		expect(answer.data.description).toBe('Bad Request: BUTTON_DATA_INVALID');
	});

	it('answers 429 with retry_after when a chat is sent to too fast', async () => {
		const send = async () => await client.post(api('sendMessage'), { chat_id: 77, text: 'hi' });
		expect((await send()).status).toBe(200);
		expect((await send()).status).toBe(200);
		const limited = await send();
		expect(limited.status).toBe(429);
		expect(limited.data).toEqual({
			ok: false,
			error_code: 429,
			description: `Too Many Requests: retry after ${limited.data.parameters.retry_after}`,
			parameters: { retry_after: expect.any(Number) },
		});
		expect(limited.data.parameters.retry_after).toBeGreaterThanOrEqual(1);
		// Another chat is not affected.
		expect((await client.post(api('sendMessage'), { chat_id: 78, text: 'hi' })).status).toBe(200);
	});

	it('answers a scripted 500 through failNext', async () => {
		telegram.failNext(
			/sendMessage$/,
			faults.respond(500, { ok: false, error_code: 500, description: 'Internal Server Error' }),
		);
		expect((await client.post(api('sendMessage'), { chat_id: 1, text: 'a' })).status).toBe(500);
		expect((await client.post(api('sendMessage'), { chat_id: 1, text: 'a' })).status).toBe(200);
	});

	it('answers migrate_to_chat_id after a group became a supergroup', async () => {
		telegram.migrateChat(-4012345678, -1009876543210);
		const answer = await client.post(api('sendMessage'), { chat_id: -4012345678, text: 'hi' });
		expect(answer.status).toBe(400);
		expect(answer.data.parameters).toEqual({ migrate_to_chat_id: -1009876543210 });
	});

	it('sends a photo by multipart upload, then serves it through getFile and the file URL', async () => {
		const form = new FormData();
		form.append('chat_id', '42');
		form.append('caption', 'A cat');
		form.append('photo', Buffer.from('JPEGDATA'), {
			filename: 'cat.jpg',
			contentType: 'image/jpeg',
		});
		const sent = await client.post(api('sendPhoto'), form, { headers: form.getHeaders() });
		expect(sent.data.ok).toBe(true);
		const sizes = sent.data.result.photo as Array<{ file_id: string }>;
		expect(sent.data.result.caption).toBe('A cat');
		expect(telegram.sent[0].media).toMatchObject({
			kind: 'photo',
			source: 'upload',
			value: 'cat.jpg',
		});
		const largest = sizes[sizes.length - 1].file_id;
		const file = await client.post(api('getFile'), { file_id: largest });
		const download = await client.get(
			`${telegram.url}/file/bot${TOKEN}/${file.data.result.file_path}`,
			{ responseType: 'arraybuffer' },
		);
		expect(Buffer.from(download.data).toString()).toBe('JPEGDATA');
	});

	it('sends documents by URL and by file_id', async () => {
		const byUrl = await client.post(api('sendDocument'), {
			chat_id: 1,
			document: 'https://example.com/a.pdf',
		});
		expect(byUrl.data.result.document.file_name).toBe('a.pdf');
		const byId = await client.post(api('sendVoice'), {
			chat_id: 1,
			voice: 'AwACAgIAAxkBAAIBfakeVoiceId',
		});
		expect(byId.data.result.voice.file_id).toBe('AwACAgIAAxkBAAIBfakeVoiceId');
		expect(telegram.sent.map((s) => s.media?.source)).toEqual(['url', 'file_id']);
		expect((await client.post(api('sendVideo'), { chat_id: 2 })).data.description).toBe(
			'Bad Request: there is no video in the request',
		);
	});

	it('edits, deletes, records chat actions and callback answers', async () => {
		const sent = await client.post(api('sendMessage'), { chat_id: 9, text: 'draft' });
		const id = sent.data.result.message_id as number;
		expect(
			(await client.post(api('editMessageText'), { chat_id: 9, message_id: id, text: 'final' }))
				.data.result.text,
		).toBe('final');
		expect(
			(await client.post(api('editMessageText'), { chat_id: 9, message_id: id, text: 'final' }))
				.data.description,
		).toMatch(/message is not modified/);
		expect(
			(await client.post(api('deleteMessage'), { chat_id: 9, message_id: id })).data.result,
		).toBe(true);
		expect(
			(await client.post(api('deleteMessage'), { chat_id: 9, message_id: id })).data.description,
		).toBe('Bad Request: message to delete not found');
		expect(
			(await client.post(api('sendChatAction'), { chat_id: 9, action: 'typing' })).data.result,
		).toBe(true);
		expect(
			(await client.post(api('sendChatAction'), { chat_id: 9, action: 'dancing' })).status,
		).toBe(400);
		await client.post(api('answerCallbackQuery'), { callback_query_id: 'q1', text: 'Done' });
		expect(telegram.chatActions).toEqual([
			expect.objectContaining({ chatId: '9', action: 'typing' }),
		]);
		expect(telegram.callbackAnswers).toEqual([
			expect.objectContaining({ callback_query_id: 'q1', text: 'Done' }),
		]);
	});

	describe('getUpdates', () => {
		it('returns queued updates and confirms them by offset', async () => {
			const first = telegram.pushUpdate(privateTextUpdate('one'));
			const second = telegram.pushUpdate(editedMessageUpdate('one!'));
			expect(second.update_id).toBe((first.update_id ?? 0) + 1);
			const all = await client.post(api('getUpdates'), {});
			expect(all.data.result.map((u: { update_id: number }) => u.update_id)).toEqual([
				first.update_id,
				second.update_id,
			]);
			const rest = await client.post(api('getUpdates'), { offset: (first.update_id ?? 0) + 1 });
			expect(rest.data.result).toHaveLength(1);
			await client.post(api('getUpdates'), { offset: (second.update_id ?? 0) + 1 });
			expect(telegram.pendingUpdates()).toHaveLength(0);
		});

		it('long-polls until an update arrives', async () => {
			const started = Date.now();
			const polling = client.post(api('getUpdates'), { timeout: 10 });
			await telegram.waitForRequests(/getUpdates$/);
			setTimeout(() => telegram.pushUpdate(privateTextUpdate('late')), 200);
			const answer = await polling;
			expect(Date.now() - started).toBeGreaterThanOrEqual(180);
			// The update itself, not the empty answer the 10 s poll timeout would give.
			expect(answer.data.result[0].message.text).toBe('late');
		});

		it('answers a held long poll with every update pushed together (pushUpdates)', async () => {
			const polling = client.post(api('getUpdates'), { timeout: 10 });
			await telegram.waitForRequests(/getUpdates$/);
			telegram.pushUpdates([
				privateTextUpdate('a'),
				privateTextUpdate('b'),
				privateTextUpdate('c'),
			]);
			const answer = await polling;
			expect(answer.data.result.map((u: { message: { text: string } }) => u.message.text)).toEqual([
				'a',
				'b',
				'c',
			]);
		});

		it('records a second poller: a getUpdates while another long poll is open', async () => {
			const first = client.post(api('getUpdates'), { timeout: 10 });
			await telegram.waitForRequests(/getUpdates$/);
			expect(telegram.overlappingPolls).toEqual([]);
			const second = client.post(api('getUpdates'), { timeout: 1 });
			expect((await first).data).toMatchObject({ ok: false, error_code: 409 });
			await second;
			expect(telegram.overlappingPolls).toHaveLength(1);
			await client.post(api('getUpdates'), { timeout: 0 });
			expect(telegram.overlappingPolls).toHaveLength(1);
		});

		it('long-polls until the timeout when nothing arrives', async () => {
			const started = Date.now();
			const answer = await client.post(api('getUpdates'), { timeout: 1 });
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			expect(answer.data).toEqual({ ok: true, result: [] });
		});

		it('keeps allowed_updates and drops other kinds', async () => {
			await client.post(api('getUpdates'), { allowed_updates: ['callback_query'] });
			telegram.pushUpdate(privateTextUpdate('ignored'));
			telegram.pushUpdate(callbackQueryUpdate({ withMessage: false, data: 'x' }));
			const answer = await client.post(api('getUpdates'), {});
			expect(answer.data.result).toHaveLength(1);
			expect(answer.data.result[0].callback_query.inline_message_id).toBeDefined();
			expect(answer.data.result[0].callback_query.message).toBeUndefined();
		});

		it('answers 409 while a webhook is set, and terminates a running poll on setWebhook', async () => {
			const polling = client.post(api('getUpdates'), { timeout: 10 });
			await telegram.waitForRequests(/getUpdates$/);
			await client.post(api('setWebhook'), { url: `${n8n.url}/webhook/tg` });
			const terminated = await polling;
			expect(terminated.status).toBe(409);
			expect(terminated.data.description).toBe('Conflict: terminated by setWebhook request');
			const refused = await client.post(api('getUpdates'), {});
			expect(refused.status).toBe(409);
			expect(refused.data.description).toMatch(/webhook is active/);
		});
	});

	describe('webhook', () => {
		it('posts updates with the secret header and reports them in getWebhookInfo', async () => {
			const set = await client.post(api('setWebhook'), {
				url: `${n8n.url}/webhook/tg`,
				secret_token: 'Sec_ret-1',
				allowed_updates: ['message'],
				drop_pending_updates: true,
			});
			expect(set.data).toEqual({ ok: true, result: true, description: 'Webhook was set' });
			const update = telegram.pushUpdate(supergroupTextUpdate('/report'));
			telegram.pushUpdate(callbackQueryUpdate());
			await telegram.waitForWebhookDelivery(update.update_id ?? 0);
			const [received] = await n8n.waitForRequests('POST /webhook/tg');
			expect(received.headers['x-telegram-bot-api-secret-token']).toBe('Sec_ret-1');
			expect(received.json).toMatchObject({
				message: { text: '/report', message_thread_id: 134545, from: { id: 5964236329 } },
			});
			const info = await client.get(api('getWebhookInfo'));
			expect(info.data.result).toMatchObject({
				url: `${n8n.url}/webhook/tg`,
				pending_update_count: 0,
				allowed_updates: ['message'],
			});
			expect(n8n.requests).toHaveLength(1);
		});

		it('keeps and redelivers an update the webhook did not accept', async () => {
			n8n.failNext('POST /webhook/tg', faults.respond(500, { message: 'Error in workflow' }), 2);
			await client.post(api('setWebhook'), { url: `${n8n.url}/webhook/tg` });
			const update = telegram.pushUpdate(photoUpdate());
			const delivered = await telegram.waitForWebhookDelivery(update.update_id ?? 0);
			expect(delivered.status).toBe(200);
			expect(telegram.webhookDeliveries.map((d) => d.status)).toEqual([500, 500, 200]);
			const info = await client.get(api('getWebhookInfo'));
			expect(info.data.result.last_error_message).toMatch(/500/);
		});

		it('refuses a secret token with forbidden characters and deletes only when asked', async () => {
			const bad = await client.post(api('setWebhook'), {
				url: `${n8n.url}/webhook/tg`,
				secret_token: 'no spaces!',
			});
			expect(bad.data.description).toBe('Bad Request: secret token contains unallowed characters');
			expect((await client.post(api('deleteWebhook'), {})).data.description).toBe(
				'Webhook is already deleted',
			);
		});
	});
});
