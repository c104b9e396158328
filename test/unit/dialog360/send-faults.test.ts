import { Omnichannel360DialogApi } from '../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360 } from '../../../nodes/Dialog360/Dialog360.node';
import { faults } from '../../fakes/fake-server';
import { DEFAULT_360DIALOG_KEY, FakeDialog360 } from '../../fakes/dialog360';
import { NodeHarness, useFakeProvider } from '../../helpers';
import { expectEverySendOnceOrFailed, injectSendFaults } from '../../helpers/send-faults';

const SENDS = 120;

describe('360dialog: a run of sends with faults injected (issue 15)', () => {
	const dialog = useFakeProvider(new FakeDialog360({ maxRecorded: 1000 }));

	it('ends every item delivered exactly once or failed with the reason; 429 and slow answers never fail one', async () => {
		const injected = injectSendFaults(
			dialog,
			(request) => request.method === 'POST' && request.path === '/messages',
			(request) => String((request.json as { text?: { body?: string } }).text?.body),
			{
				tooManyRequests: faults.respond(
					429,
					{ error: { code: 130429, message: 'Rate limit hit' } },
					{ 'retry-after': '1' },
				),
			},
		);
		const messages = Array.from({ length: SENDS }, (_, i) => `fault run ${i + 1}`);
		const output = await new NodeHarness(new Dialog360(), {
			parameters: {
				resource: 'message',
				operation: 'sendText',
				chatId: '={{ $json.to }}',
				text: '={{ $json.text }}',
			},
			credentials: {
				omnichannel360DialogApi: {
					apiKey: DEFAULT_360DIALOG_KEY,
					apiVariant: 'cloud',
					baseUrl: dialog.url,
				},
			},
			credentialTypes: [new Omnichannel360DialogApi()],
		}).execute(
			messages.map((text, i) => ({ json: { text, to: `+49176${String(1_000_000 + i)}` } })),
			{ continueOnFail: true },
		);

		expectEverySendOnceOrFailed(
			output?.[0] ?? [],
			messages,
			(text) =>
				dialog.sent.filter((m) => (m.body.text as { body?: string } | undefined)?.body === text)
					.length,
			injected,
		);
	}, 30_000);
});
