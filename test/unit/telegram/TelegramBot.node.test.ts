import type { INodeExecutionData } from 'n8n-workflow';

import { OmnichannelTelegramBotApi } from '../../../credentials/OmnichannelTelegramBotApi.credentials';
import { TelegramBot } from '../../../nodes/TelegramBot/TelegramBot.node';
import { faults } from '../../fakes/fake-server';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../../fakes/telegram';
import { NodeHarness, useFakeProvider, prepareBinaryData } from '../../helpers';
import { BOT_ID } from './fixtures';

const USER_CHAT = '86815320';
const KEY = `telegram:${BOT_ID}:${USER_CHAT}`;

/** An item as the Telegram trigger emits it. */
const triggerItem = (key = KEY): INodeExecutionData => ({
	json: { conversation: { key }, message: { text: 'Hi' } },
});

describe('Telegram Bot action node against the fake Bot API', () => {
	const telegram = useFakeProvider(new FakeTelegram());

	const harness = (parameters: Record<string, unknown>, token = DEFAULT_TELEGRAM_TOKEN) =>
		new NodeHarness(new TelegramBot(), {
			parameters: { resource: 'message', operation: 'sendText', ...parameters },
			credentials: {
				omnichannelTelegramBotApi: { accessToken: token, baseUrl: telegram.apiBaseUrl },
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
		});

	it('sends a text to the chat of the incoming conversation key (default Chat ID)', async () => {
		const output = await harness({ text: '={{ "Echo: " + $json.message.text }}' }).execute([
			triggerItem(),
		]);
		expect(telegram.sentTo(USER_CHAT).map((m) => m.text)).toEqual(['Echo: Hi']);
		expect(output?.[0][0].json).toMatchObject({
			ok: true,
			chatId: USER_CHAT,
			parts: 1,
			messageIds: [expect.any(Number)],
		});
		expect(output?.[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('splits a long text into ordered messages, buttons on the last one, every id in the output', async () => {
		const paragraphs = [1, 2, 3].map((n) => `Part ${n}: ` + 'lorem ipsum '.repeat(300));
		const output = await harness({
			text: paragraphs.join('\n\n'),
			replyMarkup: 'inlineKeyboard',
			inlineButtons: {
				button: [{ text: 'Talk to a human', type: 'callback', callbackData: 'handoff' }],
			},
			options: { replyToMessageId: '5', disableNotification: true },
		}).execute([triggerItem()]);
		const sent = telegram.sentTo(USER_CHAT);
		expect(sent).toHaveLength(3);
		expect(sent.map((m) => m.text?.slice(0, 7))).toEqual(['Part 1:', 'Part 2:', 'Part 3:']);
		expect(sent.map((m) => m.args.reply_markup)).toEqual([
			undefined,
			undefined,
			{ inline_keyboard: [[{ text: 'Talk to a human', callback_data: 'handoff' }]] },
		]);
		expect(sent[0].args.reply_parameters).toEqual({
			message_id: 5,
			allow_sending_without_reply: true,
		});
		expect(sent[1].args.reply_parameters).toBeUndefined();
		expect(sent.every((m) => m.args.disable_notification === true)).toBe(true);
		expect(output?.[0][0].json.messageIds).toEqual(sent.map((m) => m.result.message_id));
		// Paced to ~1 message per second per chat: the fake's burst limit was never hit.
		expect(telegram.requests.filter((r) => r.fault)).toHaveLength(0);
	});

	it('waits out a 429 for as long as retry_after says, then sends the message once', async () => {
		// 3 s, longer than the per-chat pause (1 s), so the wait can only come from retry_after.
		telegram.failNext(
			/sendMessage$/,
			faults.respond(429, {
				ok: false,
				error_code: 429,
				description: 'Too Many Requests: retry after 3',
				parameters: { retry_after: 3 },
			}),
		);
		const output = await harness({ text: 'After the limit' }).execute([triggerItem()]);
		expect(telegram.sentTo(USER_CHAT).map((m) => m.text)).toEqual(['After the limit']);
		const attempts = telegram.requests.filter((r) => r.path.endsWith('/sendMessage'));
		expect(attempts).toHaveLength(2);
		expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(2900);
		expect(output?.[0][0].json.ok).toBe(true);
	});

	it('paces sends to one chat at about one per second, before any 429', async () => {
		const output = await harness({ text: '={{ "Message " + $itemIndex }}' }).execute(
			[0, 1, 2, 3].map(() => triggerItem()),
		);
		expect(telegram.sentTo(USER_CHAT).map((m) => m.text)).toEqual([
			'Message 0',
			'Message 1',
			'Message 2',
			'Message 3',
		]);
		expect(output?.[0]).toHaveLength(4);
		expect(telegram.pacingViolations()).toEqual([]);
	});

	it('paces sends across chats under 30 per second per bot, before any 429', async () => {
		const chats = Array.from({ length: 40 }, (_, i) => String(500_000 + i));
		const output = await harness({ text: 'Broadcast' }).execute(
			chats.map((chat) => triggerItem(`telegram:${BOT_ID}:${chat}`)),
		);
		expect(output?.[0]).toHaveLength(40);
		expect(chats.every((chat) => telegram.sentTo(chat).length === 1)).toBe(true);
		expect(telegram.pacingViolations()).toEqual([]);
	});

	it("does not repeat a send after a 5xx (it may have arrived) and reports Telegram's words", async () => {
		telegram.failNext(
			/sendMessage$/,
			faults.respond(502, { ok: false, error_code: 502, description: 'Bad Gateway' }),
		);
		await expect(harness({ text: 'once' }).execute([triggerItem()])).rejects.toThrow(
			/Telegram answered 502: Bad Gateway/,
		);
		expect(telegram.requests.filter((r) => r.path.endsWith('/sendMessage'))).toHaveLength(1);
	});

	it('follows migrate_to_chat_id once when a group became a supergroup', async () => {
		telegram.migrateChat(-4242, -1004242424242);
		const output = await harness({ chatId: '-4242', text: 'Hello group' }).execute([{ json: {} }]);
		expect(telegram.sentTo('-1004242424242').map((m) => m.text)).toEqual(['Hello group']);
		expect(output?.[0][0].json).toMatchObject({
			chatId: '-1004242424242',
			migratedFromChatId: '-4242',
		});
	});

	it("per-item errors carry Telegram's description; continueOnFail keeps going", async () => {
		const node = new NodeHarness(new TelegramBot(), {
			parameters: { resource: 'message', operation: 'sendText', text: 'x' },
			credentials: {
				omnichannelTelegramBotApi: {
					accessToken: DEFAULT_TELEGRAM_TOKEN,
					baseUrl: telegram.apiBaseUrl,
				},
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
			continueOnFail: true,
		});
		const output = await node.execute([
			triggerItem('telegram:999:1'),
			triggerItem(),
			triggerItem(''),
		]);
		const json = output?.[0].map((item) => item.json);
		expect(json?.[0]).toMatchObject({
			ok: false,
			error: expect.stringMatching(/belongs to bot 999/),
		});
		expect(json?.[1]).toMatchObject({ ok: true });
		expect(json?.[2]).toMatchObject({
			ok: false,
			error: expect.stringMatching(/Chat ID is empty/),
		});
		expect(output?.[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);

		telegram.failNext(
			/sendMessage$/,
			faults.respond(403, {
				ok: false,
				error_code: 403,
				description: 'Forbidden: bot was blocked by the user',
			}),
		);
		await expect(harness({ text: 'x' }).execute([triggerItem()])).rejects.toThrow(
			/Forbidden: bot was blocked by the user/,
		);
	});

	it('refuses callback data over 64 bytes before calling Telegram', async () => {
		await expect(
			harness({
				text: 'Pick',
				replyMarkup: 'inlineKeyboard',
				inlineButtons: {
					button: [{ text: 'Too long', type: 'callback', callbackData: 'x'.repeat(65) }],
				},
			}).execute([triggerItem()]),
		).rejects.toThrow(/65 bytes/);
		expect(telegram.sent).toHaveLength(0);
	});

	it('sends a photo by URL and a document by binary upload (multipart)', async () => {
		await harness({
			operation: 'sendPhoto',
			source: 'reference',
			file: 'https://example.com/cat.jpg',
			caption: 'A cat',
		}).execute([triggerItem()]);
		const binary = await prepareBinaryData(
			Buffer.from('%PDF-1.4 fake'),
			'offer.pdf',
			'application/pdf',
		);
		const output = await harness({
			operation: 'sendDocument',
			source: 'binary',
			binaryPropertyName: 'data',
			caption: 'Our offer',
		}).execute([{ json: triggerItem().json, binary: { data: binary } }]);
		const [photo, document] = telegram.sentTo(USER_CHAT);
		expect(photo.media).toMatchObject({
			kind: 'photo',
			source: 'url',
			value: 'https://example.com/cat.jpg',
		});
		expect(photo.caption).toBe('A cat');
		expect(document.media).toMatchObject({ kind: 'document', source: 'upload' });
		expect(document.media?.upload?.filename).toBe('offer.pdf');
		expect(document.media?.upload?.data.toString()).toBe('%PDF-1.4 fake');
		expect(document.caption).toBe('Our offer');
		expect(output?.[0][0].json.ok).toBe(true);
	});

	it('a caption over 1024 characters: the rest follows as text', async () => {
		const caption = ['First part. ' + 'a '.repeat(400), 'Second part. ' + 'b '.repeat(400)].join(
			'\n\n',
		);
		const output = await harness({
			operation: 'sendPhoto',
			source: 'reference',
			file: 'AgACAgIAAxkBAAMEfileid',
			caption,
		}).execute([triggerItem()]);
		const sent = telegram.sentTo(USER_CHAT);
		expect(sent).toHaveLength(2);
		expect(sent[0].caption?.startsWith('First part.')).toBe(true);
		expect(sent[1].text?.startsWith('Second part.')).toBe(true);
		expect(output?.[0][0].json.parts).toBe(2);
	});

	it('chat action passes the item through; edit (also unchanged), delete and callback answers', async () => {
		const typing = await harness({ operation: 'sendChatAction', action: 'typing' }).execute([
			triggerItem(),
		]);
		expect(telegram.chatActions).toEqual([
			expect.objectContaining({ chatId: USER_CHAT, action: 'typing' }),
		]);
		expect(typing?.[0][0].json).toMatchObject({
			conversation: { key: KEY },
			chatAction: { ok: true },
		});

		const sent = await harness({ text: 'Draft' }).execute([triggerItem()]);
		const messageId = String(sent?.[0][0].json.messageId);
		const edited = await harness({ operation: 'editText', messageId, text: 'Final' }).execute([
			triggerItem(),
		]);
		expect(edited?.[0][0].json).toMatchObject({ ok: true, modified: true });
		const again = await harness({ operation: 'editText', messageId, text: 'Final' }).execute([
			triggerItem(),
		]);
		expect(again?.[0][0].json).toMatchObject({ ok: true, modified: false });
		await harness({ operation: 'delete', messageId }).execute([triggerItem()]);
		expect(telegram.deletions).toEqual([
			expect.objectContaining({ chatId: USER_CHAT, messageId: Number(messageId) }),
		]);

		await harness({
			resource: 'callback',
			operation: 'answer',
			options: { text: 'Got it' },
		}).execute([{ json: { message: { callbackQueryId: 'cbq-1' } } }]);
		expect(telegram.callbackAnswers).toEqual([
			expect.objectContaining({ callback_query_id: 'cbq-1', text: 'Got it' }),
		]);
	});

	it('gets a file and downloads it into binary; files over 20 MB are refused clearly', async () => {
		const file = telegram.addFile(Buffer.from('voice-bytes'), {
			file_name: 'note.ogg',
			mime_type: 'audio/ogg',
		});
		const output = await harness({
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
		}).execute([{ json: {} }]);
		expect(output?.[0][0].json).toMatchObject({ fileId: file.file_id, filePath: file.file_path });
		const data = output?.[0][0].binary?.data;
		expect(Buffer.from(data?.data ?? '', 'base64').toString()).toBe('voice-bytes');

		const big = telegram.addFile(Buffer.from('x'), { file_size: 25 * 1024 * 1024 });
		await expect(
			harness({ resource: 'file', operation: 'get', fileId: big.file_id }).execute([{ json: {} }]),
		).rejects.toThrow(/file is too big|20 MB/);
	});

	it('refuses a file over 20 MB itself, even where getFile would offer it, without downloading', async () => {
		telegram.options.getFileLimitBytes = Infinity;
		try {
			const big = telegram.addFile(Buffer.from('x'), { file_size: 20 * 1024 * 1024 + 1 });
			await expect(
				harness({ resource: 'file', operation: 'get', fileId: big.file_id }).execute([
					{ json: {} },
				]),
			).rejects.toThrow('Telegram does not offer this file for download.');
			expect(telegram.requestsTo(/^\/file\//)).toHaveLength(0);
		} finally {
			delete telegram.options.getFileLimitBytes;
		}
	});

	it('credential: getMe through the token in the path; a wrong token fails the test', async () => {
		const node = harness({ text: 'x' });
		expect(await node.testCredential('omnichannelTelegramBotApi')).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await node.testCredential('omnichannelTelegramBotApi', {
			accessToken: '123456789:wrong',
			baseUrl: telegram.apiBaseUrl,
		});
		expect(wrong.status).toBe('Error');
		expect(telegram.requests.some((r) => r.path === `/bot${DEFAULT_TELEGRAM_TOKEN}/getMe`)).toBe(
			true,
		);
	});
});
