import { Omnidesk } from '../../../nodes/Omnidesk/Omnidesk.node';
import { faults } from '../../fakes/fake-server';
import { expectEverySendOnceOrFailed, injectSendFaults } from '../../helpers/send-faults';
import { omnideskHarness, useOmnidesk } from './setup';

const SENDS = 120;

describe('Omnidesk: a run of messages added to a case with faults injected (issue 15)', () => {
	const desk = useOmnidesk();

	it('ends every item delivered exactly once or failed with the reason; 429 and slow answers never fail one', async () => {
		const injected = injectSendFaults(
			desk,
			(request) => request.method === 'POST' && request.path.endsWith('/messages.json'),
			(request) => String((request.json as { message?: { content?: string } }).message?.content),
			{
				tooManyRequests: faults.respond(
					429,
					{ error: 'too_many_requests', description: 'Rate limit exceeded' },
					{ retry_after: '1' },
				),
			},
		);
		const messages = Array.from({ length: SENDS }, (_, i) => `fault run ${i + 1}`);
		const output = await omnideskHarness(desk, new Omnidesk(), {
			resource: 'message',
			operation: 'add',
			chatId: '2001',
			text: '={{ $json.text }}',
		}).execute(
			messages.map((text) => ({ json: { text } })),
			{ continueOnFail: true },
		);

		expectEverySendOnceOrFailed(
			output?.[0] ?? [],
			messages,
			(text) => desk.addedTo(2001).filter((message) => message.content === text).length,
			injected,
		);
	}, 30_000);
});
