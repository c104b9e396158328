import { OmnichannelTelegramBotApi } from '../../../credentials/OmnichannelTelegramBotApi.credentials';
import { deriveWebhookToken } from '../../../nodes/shared';
import { TelegramBotTrigger } from '../../../nodes/TelegramBot/TelegramBotTrigger.node';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../../fakes/telegram';
import { NodeHarness, useFakeProvider } from '../../helpers';
import { BOT_ID, fixture } from './fixtures';

const OTHER_URL = 'https://other.example.com/telegram-hook';

describe('Telegram Bot Trigger (webhook) against the fake Bot API', () => {
	const telegram = useFakeProvider(new FakeTelegram());

	const trigger = (parameters: Record<string, unknown> = {}) =>
		new NodeHarness(new TelegramBotTrigger(), {
			parameters: { events: ['message', 'callback_query'], ...parameters },
			credentials: {
				omnichannelTelegramBotApi: {
					accessToken: DEFAULT_TELEGRAM_TOKEN,
					baseUrl: telegram.apiBaseUrl,
				},
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
			workflow: { id: 'wfTelegram000001' },
		});

	/** Another program registers its webhook for the same bot. */
	const foreignWebhook = async () => {
		const response = await fetch(`${telegram.apiBaseUrl}/bot${DEFAULT_TELEGRAM_TOKEN}/setWebhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: OTHER_URL }),
		});
		expect(response.status).toBe(200);
	};

	it('activation registers the production URL, a derived secret and allowed_updates', async () => {
		const node = trigger();
		expect(await node.webhookMethod('checkExists')).toBe(false);
		expect(await node.webhookMethod('create')).toBe(true);
		const webhook = telegram.webhookOf();
		expect(webhook?.url).toBe(node.webhookUrl('default', { mode: 'trigger' }));
		expect(webhook?.allowed_updates).toEqual(['message', 'callback_query']);
		expect(webhook?.secret_token).toBe(
			deriveWebhookToken(DEFAULT_TELEGRAM_TOKEN, 'wfTelegram000001', 'node-under-test'),
		);
		expect(webhook?.secret_token).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
		expect(await node.webhookMethod('checkExists')).toBe(true);
		// Events changed while the registration stayed: checkExists asks for a new registration.
		expect(await trigger({ events: ['message'] }).webhookMethod('checkExists')).toBe(false);
	});

	it('refuses to replace another webhook, naming it, unless told to take over', async () => {
		await foreignWebhook();
		await expect(trigger().webhookMethod('create')).rejects.toThrow(
			`This bot already has a webhook: ${OTHER_URL}`,
		);
		expect(telegram.webhookOf()?.url).toBe(OTHER_URL);

		const taker = trigger({ options: { takeOverWebhook: true } });
		expect(await taker.webhookMethod('create')).toBe(true);
		expect(telegram.webhookOf()?.url).toBe(taker.webhookUrl('default', { mode: 'trigger' }));
	});

	it('deactivation deletes only its own registration', async () => {
		const node = trigger();
		await node.webhookMethod('create');
		expect(await node.webhookMethod('delete')).toBe(true);
		expect(telegram.webhookOf()).toBeUndefined();

		await foreignWebhook();
		expect(await node.webhookMethod('delete')).toBe(true);
		expect(telegram.webhookOf()?.url).toBe(OTHER_URL);
		expect(telegram.requests.filter((r) => r.path.endsWith('/deleteWebhook'))).toHaveLength(1);
	});

	it('answers 403 and starts nothing when the secret header is wrong or missing', async () => {
		const node = trigger();
		const attempts: Array<Record<string, string>> = [
			{},
			{ 'x-telegram-bot-api-secret-token': 'guess' },
		];
		for (const headers of attempts) {
			const { result, response } = await node.webhook({
				body: fixture('filetreck-message-text-plain'),
				headers,
			});
			expect(result).toEqual({ noWebhookResponse: true });
			expect(result.workflowData).toBeUndefined();
			expect(response.statusCode).toBe(403);
		}
	});

	it('turns a delivery with the right secret into one conversation event; filtered ones get 200 and no run', async () => {
		const node = trigger();
		await node.webhookMethod('create');
		const headers = { 'x-telegram-bot-api-secret-token': telegram.webhookOf()?.secret_token ?? '' };

		const { result } = await node.webhook({
			body: fixture('teloxide-supergroup-command-report-reply'),
			headers,
		});
		const item = result.workflowData?.[0][0];
		expect(item?.json).toMatchObject({
			event: 'message',
			conversation: { key: `telegram:${BOT_ID}:-1001293752024` },
			message: { text: '/report', command: 'report' },
		});

		const filtered = await trigger({ events: ['message'], filters: { commands: 'start' } }).webhook(
			{
				body: fixture('teloxide-supergroup-command-report-reply'),
				headers,
			},
		);
		expect(filtered.result).toEqual({ noWebhookResponse: true });
		expect(filtered.response.statusCode).toBe(200);

		const notAnUpdate = await node.webhook({ body: { hello: 'world' }, headers });
		expect(notAnUpdate.response.statusCode).toBe(400);
	});

	it('after activation checks deliveries without reading the credential (issue #15)', async () => {
		const staticData = {};
		const node = new NodeHarness(new TelegramBotTrigger(), { ...trigger().options, staticData });
		await node.webhookMethod('create');
		const secret = telegram.webhookOf()?.secret_token ?? '';
		expect(JSON.stringify(staticData)).not.toContain(secret);
		const reads = jest.spyOn(node as unknown as { readCredentials(): unknown }, 'readCredentials');
		const body = fixture('teloxide-supergroup-command-report-reply');
		const production = { mode: 'webhook' as const };

		const { result } = await node.webhook(
			{ body, headers: { 'x-telegram-bot-api-secret-token': secret } },
			production,
		);
		// The bot id in the key comes from what activation remembered.
		expect(result.workflowData?.[0][0].json).toMatchObject({
			conversation: { key: `telegram:${BOT_ID}:-1001293752024` },
		});
		const forged = await node.webhook(
			{ body, headers: { 'x-telegram-bot-api-secret-token': 'x'.repeat(32) } },
			production,
		);
		expect(forged.response.statusCode).toBe(403);
		expect(forged.result.workflowData).toBeUndefined();
		expect(reads).not.toHaveBeenCalled();

		// Deactivation forgets it; a workflow activated by an older version reads the credential once.
		await node.webhookMethod('delete');
		expect(staticData).toEqual({ 'node:Telegram Bot Trigger': {} });
		reads.mockClear();
		await node.webhook(
			{ body, headers: { 'x-telegram-bot-api-secret-token': secret } },
			production,
		);
		await node.webhook(
			{ body, headers: { 'x-telegram-bot-api-secret-token': secret } },
			production,
		);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('downloads the largest photo into binary when asked', async () => {
		const update = fixture('filetreck-message-photo-media-group');
		const sizes = (update.message as { photo: Array<{ file_id: string; file_size: number }> })
			.photo;
		const largest = sizes[sizes.length - 1];
		telegram.addFile(Buffer.from('jpeg-bytes'), {
			file_id: largest.file_id,
			file_path: 'photos/file_9.jpg',
			mime_type: 'image/jpeg',
		});
		const node = trigger({ options: { downloadFiles: true } });
		await node.webhookMethod('create');
		const { result } = await node.webhook({
			body: update,
			headers: { 'x-telegram-bot-api-secret-token': telegram.webhookOf()?.secret_token ?? '' },
		});
		const item = result.workflowData?.[0][0];
		expect(Buffer.from(item?.binary?.data.data ?? '', 'base64').toString()).toBe('jpeg-bytes');
		expect(item?.binary?.data.fileName).toBe('file_9.jpg');
	});

	it('reports a file over 20 MB on the item instead of fetching it, even where getFile would offer it', async () => {
		telegram.options.getFileLimitBytes = Infinity;
		try {
			const file = telegram.addFile(Buffer.from('pdf-bytes'), {
				file_size: 20 * 1024 * 1024 + 1,
				file_name: 'big.pdf',
			});
			const node = trigger({ options: { downloadFiles: true } });
			await node.webhookMethod('create');
			const { result } = await node.webhook({
				body: {
					update_id: 5001,
					message: {
						message_id: 7,
						date: 1700000000,
						chat: { id: 42, type: 'private' },
						from: { id: 42, is_bot: false, first_name: 'Ann' },
						document: {
							file_id: file.file_id,
							file_unique_id: file.file_unique_id,
							file_size: file.file_size,
							file_name: 'big.pdf',
						},
					},
				},
				headers: { 'x-telegram-bot-api-secret-token': telegram.webhookOf()?.secret_token ?? '' },
			});
			const item = result.workflowData?.[0][0];
			expect(item?.binary).toBeUndefined();
			expect(item?.json.message).toMatchObject({
				downloadError: 'The file is larger than 20 MB, the most Telegram lets bots download.',
			});
			expect(telegram.requestsTo(/\/getFile$/)).toHaveLength(0);
			expect(telegram.requestsTo(/^\/file\//)).toHaveLength(0);
		} finally {
			delete telegram.options.getFileLimitBytes;
		}
	});

	it('refuses a body that is not a valid update with 400 naming the field, and starts no run', async () => {
		const node = trigger();
		await node.webhookMethod('create');
		const headers = { 'x-telegram-bot-api-secret-token': telegram.webhookOf()?.secret_token ?? '' };
		const update = fixture('teloxide-private-text-digit');
		const { result, response } = await node.webhook({
			body: { ...update, message: { ...(update.message as object), date: 1e20 } },
			headers,
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(400);
		expect(JSON.stringify(response.body)).toContain('message.date');
	});

	it('acknowledges a valid update it fails to read (200, logged), so Telegram does not hold the ones behind it', async () => {
		const pipeline = await import('../../../nodes/TelegramBot/trigger/pipeline');
		const spy = jest
			.spyOn(pipeline, 'updateToItem')
			.mockRejectedValueOnce(new Error('Invalid time value'));
		try {
			const node = trigger();
			await node.webhookMethod('create');
			const { result, response } = await node.webhook({
				body: fixture('teloxide-private-text-digit'),
				headers: { 'x-telegram-bot-api-secret-token': telegram.webhookOf()?.secret_token ?? '' },
			});
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(200);
			expect(response.body).toEqual({ ok: true, ignored: 'update could not be read' });
			expect(node.logs.map((entry) => entry.message).join('\n')).toMatch(
				/skipped update \d+: it could not be read \(Invalid time value\)/,
			);
		} finally {
			spy.mockRestore();
		}
	});
});
