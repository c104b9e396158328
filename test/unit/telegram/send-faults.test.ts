import { OmnichannelTelegramBotApi } from '../../../credentials/OmnichannelTelegramBotApi.credentials';
import { TelegramBot } from '../../../nodes/TelegramBot/TelegramBot.node';
import { faults } from '../../fakes/fake-server';
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram, telegramArgs } from '../../fakes/telegram';
import { NodeHarness, useFakeProvider } from '../../helpers';
import { expectEverySendOnceOrFailed, injectSendFaults } from '../../helpers/send-faults';

const SENDS = 120;

describe('Telegram Bot: a run of sends with faults injected (issue 15)', () => {
	const telegram = useFakeProvider(new FakeTelegram({ maxRecorded: 1000 }));

	it('ends every item delivered exactly once or failed with the reason; 429 and slow answers never fail one', async () => {
		const injected = injectSendFaults(
			telegram,
			(request) => request.path.endsWith('/sendMessage'),
			(request) => String(telegramArgs(request).text),
			{
				tooManyRequests: faults.respond(429, {
					ok: false,
					error_code: 429,
					description: 'Too Many Requests: retry after 1',
					parameters: { retry_after: 1 },
				}),
			},
		);
		const messages = Array.from({ length: SENDS }, (_, i) => `fault run ${i + 1}`);
		const output = await new NodeHarness(new TelegramBot(), {
			parameters: {
				resource: 'message',
				operation: 'sendText',
				chatId: '={{ $json.chat }}',
				text: '={{ $json.text }}',
			},
			credentials: {
				omnichannelTelegramBotApi: {
					accessToken: DEFAULT_TELEGRAM_TOKEN,
					baseUrl: telegram.apiBaseUrl,
				},
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
		}).execute(
			messages.map((text, i) => ({ json: { text, chat: String(600_000 + i) } })),
			{ continueOnFail: true },
		);

		const verdict = expectEverySendOnceOrFailed(
			output?.[0] ?? [],
			messages,
			(text) => telegram.sent.filter((message) => message.text === text).length,
			injected,
		);
		// Every message was delivered or is a failed item: none vanished.
		expect(verdict.delivered + verdict.lost).toBe(SENDS);
		// The pacing held through the faults: no 429 from the fake's own limits.
		expect(telegram.requests.filter((r) => r.fault?.startsWith('rate-limit'))).toEqual([]);
	}, 30_000);
});
