import { Omnichannel360DialogApi } from '../../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360Trigger } from '../../../../nodes/Dialog360/Dialog360Trigger.node';
import { forgetDeliveries } from '../../../../nodes/Dialog360/trigger/pipeline';
import { buildMediaWebhook, buildStatusWebhook, buildTextWebhook } from '../../../fakes/dialog360';
import { NodeHarness } from '../../../helpers';

/** A Manual-mode trigger (no call to 360dialog) in its own workflow. */
const trigger = (parameters: Record<string, unknown> = {}, workflowId = 'wf360manual') =>
	new NodeHarness(new Dialog360Trigger(), {
		parameters: {
			events: ['message', 'status'],
			registration: 'manual',
			manualHeaderValue: 's3cret',
			...parameters,
		},
		credentials: {
			omnichannel360DialogApi: {
				apiKey: 'k'.repeat(32),
				apiVariant: 'cloud',
				baseUrl: 'http://127.0.0.1:9',
			},
		},
		credentialTypes: [new Omnichannel360DialogApi()],
		workflow: { id: workflowId },
		staticData: {},
	});

const SECRET = { 'x-webhook-secret': 's3cret' };
const items = async (node: NodeHarness, body: object, headers: Record<string, string> = SECRET) =>
	(await node.webhook({ body, headers })).result.workflowData?.[0] ?? [];

beforeEach(() => forgetDeliveries());

describe('360dialog Trigger in Manual mode', () => {
	it('checks the X-Webhook-Secret header when no header name is set', async () => {
		const node = trigger({ manualHeaderName: '' });
		const body = buildTextWebhook('hi');
		expect((await node.webhook({ body, headers: {} })).response.statusCode).toBe(403);
		expect(await items(node, body)).toHaveLength(1);
	});

	it('accepts every delivery when no header value is set (the user chose so)', async () => {
		const node = trigger({ manualHeaderValue: '' });
		expect(await items(node, buildTextWebhook('hi'), {})).toHaveLength(1);
	});
});

describe('360dialog Trigger: repeats', () => {
	it('drops a repeat per workflow: the same message starts a run in each of two workflows', async () => {
		const body = buildTextWebhook('hi', { messageId: 'wamid.SAME' });
		expect(await items(trigger({}, 'wfSales'), body)).toHaveLength(1);
		expect(await items(trigger({}, 'wfSupport'), body)).toHaveLength(1);
		expect(await items(trigger({}, 'wfSales'), body)).toHaveLength(0);
	});

	it("drops a repeated status, but not the message's next status", async () => {
		const node = trigger({ events: ['status'] });
		const sent = buildStatusWebhook('sent', { statusId: 'wamid.S1' });
		expect(await items(node, sent)).toHaveLength(1);
		expect(await items(node, sent)).toHaveLength(0);
		expect(
			await items(node, buildStatusWebhook('delivered', { statusId: 'wamid.S1' })),
		).toHaveLength(1);
	});

	it('by default starts runs for sent, delivered, read and failed statuses, not for deleted', async () => {
		const node = trigger({ events: ['status'] });
		for (const status of ['sent', 'delivered', 'read', 'failed'] as const)
			expect(await items(node, buildStatusWebhook(status))).toHaveLength(1);
		expect(await items(node, buildStatusWebhook('deleted'))).toHaveLength(0);
	});
});

describe('360dialog Trigger: the raw part of an item', () => {
	it('holds the ids and contacts of the entry the item came from, and no empty fields', async () => {
		const [cloud] = await items(trigger(), buildTextWebhook('hi'));
		expect(cloud.json.raw).toMatchObject({
			phoneNumberId: '1122334455667',
			contacts: [expect.objectContaining({ wa_id: '972987654321' })],
			message: expect.objectContaining({ type: 'text' }),
		});
		const [status] = await items(trigger({ events: ['status'] }), buildStatusWebhook('read'));
		const raw = status.json.raw as Record<string, unknown>;
		expect(Object.keys(raw)).toEqual(Object.keys(raw).filter((key) => raw[key] !== undefined));
		expect(raw.status).toEqual(expect.objectContaining({ status: 'read' }));
	});
});

describe('360dialog Trigger: files', () => {
	it('fetches no file unless asked to', async () => {
		const [item] = await items(trigger(), buildMediaWebhook('image', { id: 'media-1' }));
		expect(item.binary).toBeUndefined();
		expect(item.json.message).not.toHaveProperty('downloadError');
	});
});
