import type { IDataObject } from 'n8n-workflow';

import { OmnichannelTelegramBotApi } from '../../../credentials/OmnichannelTelegramBotApi.credentials';
import { TelegramBotPollingTrigger } from '../../../nodes/TelegramBot/TelegramBotPollingTrigger.node';
import { faults } from '../../fakes/fake-server';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../../fakes/telegram';
import { callbackQueryUpdate, photoUpdate, privateTextUpdate } from '../../fakes/telegram-updates';
import { NodeHarness, useFakeProvider, type TriggerRun } from '../../helpers';
import { BOT_ID } from './fixtures';

describe('Telegram Bot Polling Trigger (long polling) against the fake Bot API', () => {
	const telegram = useFakeProvider(new FakeTelegram());
	const running: TriggerRun[] = [];

	const poller = (staticData: IDataObject, parameters: Record<string, unknown> = {}) =>
		new NodeHarness(new TelegramBotPollingTrigger(), {
			parameters: {
				events: ['message', 'callback_query'],
				options: { longPollTimeout: 25 },
				...parameters,
			},
			credentials: {
				omnichannelTelegramBotApi: {
					accessToken: DEFAULT_TELEGRAM_TOKEN,
					baseUrl: telegram.apiBaseUrl,
				},
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
			staticData,
		});

	const start = async (
		node: NodeHarness,
		mode: 'trigger' | 'manual' = 'trigger',
		holdRuns = false,
	) => {
		const run = await node.trigger({ mode, holdRuns });
		running.push(run);
		return run;
	};

	const texts = (run: TriggerRun) =>
		run.emitted.flatMap((emit) => emit[0].map((item) => (item.json.message as IDataObject).text));
	const getUpdatesCalls = () => telegram.requests.filter((r) => r.path.endsWith('/getUpdates'));

	afterEach(async () => {
		await Promise.all(running.splice(0).map(async (run) => await run.close()));
	});

	it('emits one run per update, keeps the offset in static data, and neither loses nor repeats across a restart', async () => {
		const staticData: IDataObject = {};
		const first = await start(poller(staticData));
		telegram.pushUpdate(privateTextUpdate('one'));
		telegram.pushUpdate(privateTextUpdate('two'));
		await first.waitForEmit(2);
		expect(texts(first)).toEqual(['one', 'two']);
		expect(first.emitted[0][0][0].json).toMatchObject({
			event: 'message',
			conversation: { key: `telegram:${BOT_ID}:86815320` },
		});
		const offset = (staticData['node:Telegram Bot Polling Trigger'] as IDataObject)
			.offset as number;
		const lastId = first.emitted[1][0][0].json.updateId as string;
		expect(offset).toBe(Number(lastId) + 1);
		// The next call carries the new offset, which confirms the batch to Telegram.
		await telegram.waitForRequests(
			(r) => r.path.endsWith('/getUpdates') && Number((r.body as IDataObject).offset) === offset,
		);
		expect(telegram.pendingUpdates()).toHaveLength(0);
		await first.close();

		// While n8n is down, a user writes; after the restart only that update runs.
		telegram.pushUpdate(privateTextUpdate('three'));
		const second = await start(poller(JSON.parse(JSON.stringify(staticData)) as IDataObject));
		await second.waitForEmit(1);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(texts(second)).toEqual(['three']);
	});

	it('saves the offset before emitting: a restart right after the runs started repeats nothing', async () => {
		const staticData: IDataObject = {};
		const first = await start(poller(staticData));
		await telegram.waitForRequests(/getUpdates$/);
		// The call that would confirm the batch to Telegram never gets through: only the saved
		// offset can keep the batch from coming again after the restart.
		telegram.failNext(/getUpdates$/, faults.hang());
		telegram.pushUpdate(privateTextUpdate('one'));
		await first.waitForEmit(1);
		const saved = (first.staticDataAtEmit[0]['node:Telegram Bot Polling Trigger'] as IDataObject)
			?.offset;
		expect(saved).toBe(Number(first.emitted[0][0][0].json.updateId) + 1);
		await telegram.waitForRequests(/getUpdates$/, 2);
		await first.close();
		expect(telegram.pendingUpdates().map((u) => (u.message as IDataObject).text)).toEqual(['one']);

		telegram.pushUpdate(privateTextUpdate('two'));
		const second = await start(poller(JSON.parse(JSON.stringify(staticData)) as IDataObject));
		await second.waitForEmit(1);
		expect(texts(second)).toEqual(['two']);
	});

	it('a batch fetched but not yet emitted when stopped (a download in flight) comes again after the restart', async () => {
		const staticData: IDataObject = {};
		const update = photoUpdate({ caption: 'kept' });
		const sizes = (update.message as { photo: Array<{ file_id: string }> }).photo;
		telegram.addFile(Buffer.from('jpeg'), { file_id: sizes[sizes.length - 1].file_id });
		telegram.failNext(/^\/file\//, faults.hang());
		const pushed = telegram.pushUpdate(update);
		const first = await start(poller(staticData, { options: { downloadFiles: true } }));
		await telegram.waitForRequests(/^\/file\//);
		await first.close();
		expect(first.emitted).toEqual([]);
		expect(
			(staticData['node:Telegram Bot Polling Trigger'] as IDataObject | undefined)?.offset,
		).toBeUndefined();

		const second = await start(poller(staticData, { options: { downloadFiles: true } }));
		await second.waitForEmit(1);
		expect(second.emitted[0][0][0].json.updateId).toBe(String(pushed.update_id));
		expect(second.emitted[0][0][0].binary?.data).toBeDefined();
	});

	it('a batch whose answer was lost (the connection dropped) comes on the next call', async () => {
		const staticData: IDataObject = {};
		telegram.pushUpdate(privateTextUpdate('kept'));
		telegram.failNext(/getUpdates$/, faults.drop());
		const run = await start(poller(staticData));
		await run.waitForEmit(1, 8000);
		expect(texts(run)).toEqual(['kept']);
		expect(run.errors).toEqual([]);
	});

	it('skips a poison update with a warning and runs the one behind it; neither comes again', async () => {
		const staticData: IDataObject = {};
		const node = poller(staticData);
		const poison = telegram.pushUpdate({
			...privateTextUpdate('bad date'),
			message: { ...(privateTextUpdate('x').message as IDataObject), date: 1e20 },
		});
		const good = telegram.pushUpdate(privateTextUpdate('behind it'));
		const run = await start(node);
		await run.waitForEmit(1);
		expect(texts(run)).toEqual(['behind it']);
		await telegram.waitForRequests(
			(r) =>
				r.path.endsWith('/getUpdates') &&
				Number((r.body as IDataObject).offset) === Number(good.update_id) + 1,
		);
		expect(telegram.pendingUpdates()).toHaveLength(0);
		expect(node.logs).toContainEqual(
			expect.objectContaining({
				level: 'warn',
				message: expect.stringContaining(`skipped update ${String(poison.update_id)}`),
			}),
		);
		// The log names the field, not the user's text.
		const warning = node.logs.find((entry) => entry.message.includes('skipped update'));
		expect(warning?.message).toContain('message.date');
		expect(warning?.message).not.toContain('bad date');
		expect(run.errors).toEqual([]);
	});

	it('skips an update that fails while being read (never retried forever) and runs the next one', async () => {
		const pipeline = await import('../../../nodes/TelegramBot/trigger/pipeline');
		const real = pipeline.updateToItem;
		const spy = jest.spyOn(pipeline, 'updateToItem').mockImplementation(async (...args) => {
			const text = (args[1].message as IDataObject | undefined)?.text;
			if (text === 'explodes') throw new Error('Invalid time value');
			return await real(...args);
		});
		try {
			const node = poller({});
			telegram.pushUpdate(privateTextUpdate('explodes'));
			telegram.pushUpdate(privateTextUpdate('fine'));
			const run = await start(node);
			await run.waitForEmit(1);
			expect(texts(run)).toEqual(['fine']);
			expect(node.logs.map((entry) => entry.message).join('\n')).toMatch(
				/skipped update \d+: it could not be read \(Invalid time value\)/,
			);
		} finally {
			spy.mockRestore();
		}
	});

	describe('order per chat', () => {
		const CHAT_A = 1001;
		const CHAT_B = 1002;
		const CHAT_C = 1003;
		const say = (chatId: number, text: string) =>
			telegram.pushUpdate(privateTextUpdate(text, { chatId, userId: chatId }));
		const unstartedOf = (staticData: IDataObject) =>
			(staticData['node:Telegram Bot Polling Trigger'] as IDataObject | undefined)?.unstarted;
		const confirmed = (offset: number) =>
			getUpdatesCalls().some((r) => Number((r.body as IDataObject).offset) === offset);

		it("one chat: each run starts only after the chat's previous run finished, in update order", async () => {
			say(CHAT_A, 'first');
			say(CHAT_A, 'second');
			const last = say(CHAT_A, 'third');
			const run = await start(poller({}), 'trigger', true);
			await run.waitForEmit(1);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(texts(run)).toEqual(['first']);
			run.finishRun(0);
			await run.waitForEmit(2);
			expect(texts(run)).toEqual(['first', 'second']);
			// The batch is confirmed to Telegram only once every run of it has started.
			expect(confirmed(Number(last.update_id) + 1)).toBe(false);
			run.finishRun(1);
			await run.waitForEmit(3);
			expect(texts(run)).toEqual(['first', 'second', 'third']);
			await telegram.waitForRequests(
				(r) =>
					r.path.endsWith('/getUpdates') &&
					Number((r.body as IDataObject).offset) === Number(last.update_id) + 1,
			);
		});

		it("many chats: each chat's first update starts at once, and each chat keeps its order", async () => {
			say(CHAT_A, 'A1');
			say(CHAT_B, 'B1');
			say(CHAT_A, 'A2');
			say(CHAT_C, 'C1');
			say(CHAT_B, 'B2');
			const run = await start(poller({}), 'trigger', true);
			await run.waitForEmit(3);
			expect(texts(run)).toEqual(['A1', 'B1', 'C1']);
			run.finishRun(1); // B1
			await run.waitForEmit(4);
			expect(texts(run)[3]).toBe('B2');
			run.finishRun(0); // A1
			await run.waitForEmit(5);
			expect(texts(run)).toEqual(['A1', 'B1', 'C1', 'B2', 'A2']);
		});

		it('stopped in the middle of a batch: after the restart only the runs that had not started run', async () => {
			const staticData: IDataObject = {};
			say(CHAT_A, 'A1');
			const waiting = say(CHAT_A, 'A2');
			say(CHAT_B, 'B1');
			const first = await start(poller(staticData), 'trigger', true);
			await first.waitForEmit(2);
			expect(texts(first)).toEqual(['A1', 'B1']);
			// What n8n saved with the last emit names the run that did not start.
			expect(unstartedOf(first.staticDataAtEmit[1])).toEqual([Number(waiting.update_id)]);
			await first.close();
			expect(texts(first)).toEqual(['A1', 'B1']);
			expect(telegram.pendingUpdates()).toHaveLength(3);

			const second = await start(poller(JSON.parse(JSON.stringify(staticData)) as IDataObject));
			await second.waitForEmit(1);
			const saved = (staticData['node:Telegram Bot Polling Trigger'] as IDataObject).offset;
			await telegram.waitForRequests(
				(r) => r.path.endsWith('/getUpdates') && Number((r.body as IDataObject).offset) === saved,
			);
			expect(texts(second)).toEqual(['A2']);
			expect(telegram.pendingUpdates()).toHaveLength(0);
		});
	});

	it('stops promptly on deactivation, aborting the long poll in flight', async () => {
		const run = await start(poller({}));
		const [inFlight] = await telegram.waitForRequests(/getUpdates$/);
		// The long poll is held 25 s, longer than this test may take (20 s): close() must abort it,
		// and the fake sees the client go away.
		await run.close();
		await new Promise<void>((resolve) => {
			if (inFlight.signal.aborted) resolve();
			else inFlight.signal.addEventListener('abort', () => resolve());
		});
		const calls = getUpdatesCalls().length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(getUpdatesCalls()).toHaveLength(calls);
	});

	it('refuses to start while a webhook is set, unless told to take over (then deletes it first)', async () => {
		await fetch(`${telegram.apiBaseUrl}/bot${DEFAULT_TELEGRAM_TOKEN}/setWebhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: 'https://elsewhere.example.com/hook' }),
		});
		await expect(poller({}).trigger()).rejects.toThrow(
			'This bot already has a webhook: https://elsewhere.example.com/hook',
		);
		expect(telegram.webhookOf()?.url).toBe('https://elsewhere.example.com/hook');

		const run = await start(poller({}, { options: { takeOverWebhook: true } }));
		expect(telegram.webhookOf()).toBeUndefined();
		telegram.pushUpdate(privateTextUpdate('after takeover'));
		await run.waitForEmit(1);
	});

	it('backs off on errors and carries on; filters drop updates without stalling the offset', async () => {
		telegram.failNext(
			/getUpdates$/,
			faults.respond(500, { ok: false, error_code: 500, description: 'Internal Server Error' }),
		);
		const staticData: IDataObject = {};
		const run = await start(
			poller(staticData, { events: ['message'], filters: { commands: 'start' } }),
		);
		telegram.pushUpdate(privateTextUpdate('no command'));
		telegram.pushUpdate(callbackQueryUpdate({ data: 'x' }));
		telegram.pushUpdate(
			privateTextUpdate('/start hello', {
				extra: { entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
			}),
		);
		await run.waitForEmit(1, 8000);
		expect(texts(run)).toEqual(['/start hello']);
		expect(run.errors).toEqual([]);
	});

	it('waits as long as a 429 asks, wherever it says so (here only in Retry-After), then carries on', async () => {
		telegram.failNext(
			/getUpdates$/,
			faults.respond(
				429,
				{ ok: false, error_code: 429, description: 'Too Many Requests' },
				{ 'Retry-After': '2' },
			),
		);
		const run = await start(poller({}));
		telegram.pushUpdate(privateTextUpdate('after the wait'));
		await run.waitForEmit(1, 8000);
		const [limited, next] = getUpdatesCalls();
		expect(limited.fault).toBeDefined();
		expect(next.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(1900);
		expect(texts(run)).toEqual(['after the wait']);
		expect(run.errors).toEqual([]);
	});

	it('reports a webhook set meanwhile as an error that stops polling (n8n then retries activation)', async () => {
		const run = await start(poller({}));
		await telegram.waitForRequests(/getUpdates$/);
		await fetch(`${telegram.apiBaseUrl}/bot${DEFAULT_TELEGRAM_TOKEN}/setWebhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: 'https://elsewhere.example.com/hook' }),
		});
		const deadline = Date.now() + 8000;
		while (run.errors.length === 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 50));
		expect(run.errors[0]?.message).toMatch(/webhook is active/);
	});

	it('editor test (manual mode): the first batch is one run, and nothing is confirmed or saved', async () => {
		const staticData: IDataObject = {};
		const run = await start(poller(staticData), 'manual');
		expect(run.response?.manualTriggerFunction).toBeDefined();
		const manual = run.response?.manualTriggerFunction?.();
		telegram.pushUpdate(privateTextUpdate('test me'));
		await manual;
		expect(texts(run)).toEqual(['test me']);
		expect(
			(staticData['node:Telegram Bot Polling Trigger'] as IDataObject | undefined)?.offset,
		).toBeUndefined();
		expect(telegram.pendingUpdates()).toHaveLength(1);
	});
});
