import { SelartiApi } from '../../../credentials/SelartiApi.credentials';
import { AiTask } from '../../../nodes/AiTask/AiTask.node';
import { faults } from '../../fakes/fake-server';
import { FakeSelarti } from '../../fakes/selarti';
import { NodeHarness, useFakeProvider } from '../../helpers';
import { expectEverySendOnceOrFailed, injectSendFaults } from '../../helpers/send-faults';

// Fewer than the other suites: the node paces Selarti at 5 requests per second.
const SENDS = 60;

describe('AI Task: a run of sends to Selarti with faults injected (issue 15)', () => {
	const selarti = useFakeProvider(new FakeSelarti({ maxRecorded: 1000 }));

	it('ends every item delivered exactly once or failed with the reason; 429 and slow answers never fail one', async () => {
		const injected = injectSendFaults(
			selarti,
			(request) => request.method === 'POST' && request.path.endsWith('/wf/send_message'),
			(request) => String((request.body as { text?: unknown }).text),
			{
				rate: 0.06,
				tooManyRequests: faults.respond(
					429,
					{ statusCode: 429, message: 'Too many requests' },
					{
						'retry-after': '1',
					},
				),
			},
		);
		const messages = Array.from({ length: SENDS }, (_, i) => `fault run ${i + 1}`);
		const output = await new NodeHarness(new AiTask(), {
			parameters: {
				resource: 'message',
				operation: 'send',
				taskId: 'task-1',
				text: '={{ $json.text }}',
			},
			credentials: { selartiApi: { baseUrl: selarti.apiBaseUrl, apiKey: 'test-selarti-key' } },
			credentialTypes: [new SelartiApi()],
		}).execute(
			messages.map((text, i) => ({
				json: {
					text,
					conversation: { key: `telegram:123456789:${900_000 + i}`, channel: 'telegram' },
				},
			})),
			{ continueOnFail: true },
		);

		expectEverySendOnceOrFailed(
			output?.[0] ?? [],
			messages,
			(text) => selarti.sent.filter((message) => message.text === text).length,
			injected,
		);
	}, 30_000);
});
