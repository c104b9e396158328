import type { IDataObject } from 'n8n-workflow';

import { OmnideskTrigger } from '../../../../nodes/Omnidesk/OmnideskTrigger.node';
import { resetTriggerMemory } from '../../../../nodes/Omnidesk/trigger/memory';
import { triggerToken } from '../../../../nodes/Omnidesk/trigger/webhookUrl';
import { buildRulesWebhook, DEFAULT_API_KEY } from '../../../fakes/omnidesk';
import { omnideskHarness, useOmnidesk } from '../setup';

const PATH = 'omnidesk-support';
const TOKEN = triggerToken(DEFAULT_API_KEY, PATH);

describe('Omnidesk Trigger: webhook() edges', () => {
	const desk = useOmnidesk();
	beforeEach(() => resetTriggerMemory());

	const trigger = (
		parameters: Record<string, unknown> = {},
		workflowId = 'wf-1',
		staticData: IDataObject = {},
	) =>
		omnideskHarness(
			desk,
			new OmnideskTrigger(),
			{ path: PATH, ...parameters },
			{ mode: 'webhook', workflow: { id: workflowId }, staticData },
		);
	const clientMessage = (text = 'Where is my order?') => {
		const message = desk.addClientMessage(2001, text);
		return buildRulesWebhook({ kase: desk.caseOf(2001), message });
	};
	const deliver = async (
		body: unknown,
		parameters: Record<string, unknown> = {},
		workflowId = 'wf-1',
	) => {
		const { result, response } = await trigger(parameters, workflowId).webhook({
			body,
			query: { token: TOKEN },
		});
		return { runs: result.workflowData?.length ?? 0, answer: response.body as IDataObject };
	};

	it('drops a repeat per workflow: the same message starts a run in each of two workflows', async () => {
		const body = clientMessage();
		expect((await deliver(body, {}, 'wf-sales')).runs).toBe(1);
		expect((await deliver(body, {}, 'wf-support')).runs).toBe(1);
		expect((await deliver(body, {}, 'wf-sales')).runs).toBe(0);
	});

	it('with no event chosen, starts runs for the default event (a new client message)', async () => {
		expect((await deliver(clientMessage(), { events: [] })).runs).toBe(1);
	});

	it('starts nothing for a message without text', async () => {
		const { runs, answer } = await deliver(clientMessage(''));
		expect(runs).toBe(0);
		expect(answer.ignored).toBe('the message has no text');
	});

	it.each([
		['empty', ''],
		['only spaces', '   '],
	])(
		'with "only cases with the bot label" and a label that is %s, starts nothing and asks Omnidesk nothing',
		async (_label, botLabel) => {
			const before = desk.requests.length;
			const { runs, answer } = await deliver(clientMessage(), { onlyBotLabel: true, botLabel });
			expect(runs).toBe(0);
			expect(answer.ignored).toBe('no bot label is configured');
			expect(desk.requests.length).toBe(before);
		},
	);

	it("accepts the token of the credential's new API key although activation remembered the old one", async () => {
		const staticData: IDataObject = {};
		const options = { options: { checkLastMessage: false } };
		expect(await trigger(options, 'wf-1', staticData).webhookMethod('create')).toBe(true);
		const newKey = 'new-api-key-0123456789abcdef';
		const changed = omnideskHarness(
			desk,
			new OmnideskTrigger(),
			{ path: PATH, ...options },
			{
				mode: 'webhook',
				workflow: { id: 'wf-1' },
				staticData,
				credentials: {
					omnichannelOmnideskApi: {
						domain: desk.apiBaseUrl,
						staffEmail: desk.staffEmail,
						apiKey: newKey,
					},
				},
			},
		);
		const { result } = await changed.webhook({
			body: clientMessage(),
			query: { token: triggerToken(newKey, PATH) },
		});
		expect(result.workflowData?.[0]).toHaveLength(1);
	});
	it('names the staff member Omnidesk shows for the reply, over the one the body names', async () => {
		const message = desk.addClientMessage(2001, 'Operator here');
		Object.assign(message, { staff_id: 22, user_id: 0 });
		const body = buildRulesWebhook({ kase: desk.caseOf(2001), message }, { event: 'staff_reply' });
		body.last_staff_id = '99';
		const { result } = await trigger({ events: ['staffReply'] }).webhook({
			body,
			query: { token: TOKEN },
		});
		expect(result.workflowData?.[0][0].json.message).toMatchObject({ staffId: '22' });
	});
});
