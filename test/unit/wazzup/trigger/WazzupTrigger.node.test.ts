import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { forgetDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import {
	FakeWazzup,
	buildWazzupChannelUpdate,
	buildWazzupCreateContact,
	buildWazzupCreateDeal,
	buildWazzupEcho,
	buildWazzupMediaMessage,
	buildWazzupMessage,
	buildWazzupStatus,
	buildWazzupTemplateStatus,
	buildWazzupWebhook,
} from '../../../fakes/wazzup';
import { NodeHarness, useFakeProvider } from '../../../helpers';
import { WHATSAPP, credentialsFor } from '../support';
import { WebhookStandIn } from './standIn';

const ALL_EVENTS = [
	'message',
	'echo',
	'edited',
	'deleted',
	'status',
	'createContact',
	'createDeal',
	'channel',
	'templateStatus',
];

describe('Wazzup Trigger against the fake Wazzup', () => {
	const wazzup = useFakeProvider(new FakeWazzup());
	const n8n = new WebhookStandIn();
	const other = new WebhookStandIn();
	let staticData: IDataObject;

	beforeAll(async () => {
		await n8n.start();
		await other.start();
	});
	afterAll(async () => {
		await n8n.stop();
		await other.stop();
	});
	beforeEach(() => {
		n8n.runs.length = 0;
		forgetDeliveries();
		staticData = {};
	});

	const trigger = (parameters: INodeParameters = {}) => {
		const node = new NodeHarness(new WazzupTrigger(), {
			parameters: { events: ['message'], ...parameters },
			credentials: credentialsFor(wazzup),
			credentialTypes: [new OmnichannelWazzupApi()],
			workflow: { id: 'wfWazzupTrigger01' },
			baseUrl: n8n.url,
			staticData,
		});
		n8n.node = node;
		return node;
	};

	/** Another program (a CRM integration) has the account's webhook. */
	const otherProgram = async () => {
		other.node = trigger({ registration: 'manual', urlToken: 'other-program-token-1' });
		wazzup.webhooks = {
			webhooksUri: `${other.url}/crm/hook?token=other-program-token-1`,
			subscriptions: {
				messagesAndStatuses: true,
				contactsAndDealsCreation: true,
				channelsUpdates: false,
				templateStatus: false,
			},
		};
	};

	const activate = async (parameters: INodeParameters = {}) => {
		const node = trigger(parameters);
		if (!(await node.webhookMethod('checkExists'))) await node.webhookMethod('create');
		return node;
	};

	describe('registration', () => {
		it('activation subscribes exactly what the events need, after answering the {test:true} probe', async () => {
			const node = await activate({ events: ['message', 'channel'] });
			expect(wazzup.webhooks.webhooksUri).toMatch(
				new RegExp(`^${n8n.url}/webhook/.+/wazzup\\?token=[A-Za-z0-9_-]{32}$`),
			);
			expect(wazzup.webhooks.subscriptions).toEqual({
				messagesAndStatuses: true,
				contactsAndDealsCreation: false,
				channelsUpdates: true,
				templateStatus: false,
			});
			expect(wazzup.probes).toEqual([
				{ url: wazzup.webhooks.webhooksUri, result: expect.objectContaining({ status: 200 }) },
			]);
			expect(n8n.runs).toHaveLength(0);
			expect(await node.webhookMethod('checkExists')).toBe(true);
			expect(await trigger({ events: ['message'] }).webhookMethod('checkExists')).toBe(false);
		});

		it("refuses to replace another program's address, naming it, unless told to take over", async () => {
			await otherProgram();
			const before = wazzup.webhooks.webhooksUri;
			await expect(activate()).rejects.toThrow(
				`already sends its webhooks to ${other.url}/crm/hook`,
			);
			expect(wazzup.webhooks.webhooksUri).toBe(before);
			// The other program's token is not repeated in the error.
			await expect(activate()).rejects.not.toThrow(/other-program-token/);
		});

		it('takes over when told, and gives the address and subscriptions back on deactivation', async () => {
			await otherProgram();
			const before = structuredClone(wazzup.webhooks);
			const node = await activate({ options: { takeOver: true } });
			expect(wazzup.webhooks.webhooksUri).toContain(n8n.url);
			expect(await node.webhookMethod('delete')).toBe(true);
			expect(wazzup.webhooks).toEqual(before);
			expect(staticData['node:Wazzup Trigger']).toEqual({});
		});

		it('without a previous address, deactivation switches every subscription off', async () => {
			const node = await activate();
			await node.webhookMethod('delete');
			expect(Object.values(wazzup.webhooks.subscriptions)).toEqual([false, false, false, false]);
		});

		it('leaves an address someone set after us alone on deactivation', async () => {
			const node = await activate();
			await otherProgram();
			const theirs = structuredClone(wazzup.webhooks);
			await node.webhookMethod('delete');
			expect(wazzup.webhooks).toEqual(theirs);
		});

		it('Manual mode never calls Wazzup', async () => {
			const node = trigger({ registration: 'manual', urlToken: 'my-own-token-0123456789' });
			expect(await node.webhookMethod('checkExists')).toBe(true);
			expect(await node.webhookMethod('create')).toBe(true);
			expect(await node.webhookMethod('delete')).toBe(true);
			expect(wazzup.requests).toHaveLength(0);
		});
	});

	describe('deliveries', () => {
		it('answers 403 and starts nothing without the right token (checked in constant time)', async () => {
			const node = await activate();
			for (const query of [{}, { token: 'guess' }, { token: '' }]) {
				const { result, response } = await node.webhook({
					body: buildWazzupWebhook({ messages: [buildWazzupMessage()] }),
					query,
				});
				expect(result.workflowData).toBeUndefined();
				expect(response.statusCode).toBe(403);
			}
		});

		it('after activation checks the token without reading the credential (issue #15)', async () => {
			const node = await activate();
			const token = new URL(wazzup.webhooks.webhooksUri ?? '').searchParams.get('token') ?? '';
			expect(JSON.stringify(staticData)).not.toContain(token);
			const reads = jest.spyOn(
				node as unknown as { readCredentials(): unknown },
				'readCredentials',
			);
			const body = buildWazzupWebhook({ messages: [buildWazzupMessage()] });
			const production = { mode: 'webhook' as const };
			const { result } = await node.webhook({ body, query: { token } }, production);
			expect(result.workflowData?.[0]).toHaveLength(1);
			const forged = await node.webhook({ body, query: { token: 'x'.repeat(32) } }, production);
			expect(forged.response.statusCode).toBe(403);
			expect(reads).not.toHaveBeenCalled();
		});

		it('a changed Manual-mode token replaces the remembered one when activated again', async () => {
			const production = { mode: 'webhook' as const };
			// A new message each time: the same one twice would be dropped as a redelivery.
			const body = () => buildWazzupWebhook({ messages: [buildWazzupMessage()] });
			const first = await activate({ registration: 'manual', urlToken: 'first-token-0123456789' });
			const before = await first.webhook(
				{ body: body(), query: { token: 'first-token-0123456789' } },
				production,
			);
			expect(before.result.workflowData?.[0]).toHaveLength(1);
			const node = await activate({ registration: 'manual', urlToken: 'second-token-0123456789' });
			const old = await node.webhook(
				{ body: body(), query: { token: 'first-token-0123456789' } },
				production,
			);
			expect(old.response.statusCode).toBe(403);
			const { result } = await node.webhook(
				{ body: body(), query: { token: 'second-token-0123456789' } },
				production,
			);
			expect(result.workflowData?.[0]).toHaveLength(1);
		});

		it('a Manual-mode token works once pasted with the URL', async () => {
			const node = trigger({ registration: 'manual', urlToken: 'my-own-token-0123456789' });
			const { result } = await node.webhook({
				body: buildWazzupWebhook({ messages: [buildWazzupMessage()] }),
				query: { token: 'my-own-token-0123456789' },
			});
			expect(result.workflowData?.[0]).toHaveLength(1);
		});

		it('turns a message into the conversation event; the echo of our own reply is dropped by default', async () => {
			await activate();
			const message = buildWazzupMessage({ channelId: WHATSAPP.channelId, text: 'Hi there' });
			await wazzup.deliverMessages(message, buildWazzupEcho({ channelId: WHATSAPP.channelId }));
			expect(n8n.runs).toHaveLength(1);
			expect(n8n.runs[0]).toHaveLength(1);
			expect(n8n.runs[0][0].json).toMatchObject({
				event: 'message',
				conversation: {
					key: `wazzup:${WHATSAPP.channelId}:whatsapp:79011112233`,
					channel: 'wazzup',
					channelId: WHATSAPP.channelId,
					chatType: 'whatsapp',
					chatId: '79011112233',
				},
				message: { id: message.messageId, text: 'Hi there', type: 'text', attachments: [] },
				contact: { name: 'Ivan Petrov', phone: '79011112233' },
				raw: message,
			});

			// Only an echo: 200, no run (the loop guard for AI replies).
			const echoOnly = await wazzup.deliverMessages(buildWazzupEcho());
			expect(echoOnly.status).toBe(200);
			expect(n8n.runs).toHaveLength(1);
		});

		it('one item per message, status, channel update and request; every event type', async () => {
			await activate({ events: ALL_EVENTS });
			const delivery = await wazzup.deliver(
				buildWazzupWebhook({
					messages: [
						buildWazzupMessage({ text: 'one' }),
						buildWazzupMediaMessage('image', { contentUri: 'https://store.example/1.jpg' }),
						buildWazzupEcho(),
						buildWazzupMessage({ isEdited: true, text: 'edited' }),
						buildWazzupMessage({ isDeleted: true }),
					],
					statuses: [buildWazzupStatus({ status: 'read' }), buildWazzupStatus()],
				}),
			);
			expect(delivery.status).toBe(200);
			expect(n8n.runs[0].map((item) => item.json.event)).toEqual([
				'message',
				'message',
				'echo',
				'edited',
				'deleted',
				'status',
				'status',
			]);
			expect(n8n.runs[0][1].json.message).toMatchObject({
				type: 'image',
				attachments: [{ kind: 'image', url: 'https://store.example/1.jpg' }],
			});
			await wazzup.deliverChannelsUpdates(buildWazzupChannelUpdate(), buildWazzupChannelUpdate());
			await wazzup.deliverCreateContact(buildWazzupCreateContact());
			await wazzup.deliverCreateDeal(buildWazzupCreateDeal());
			await wazzup.deliverTemplateStatus(buildWazzupTemplateStatus());
			expect(n8n.runs.slice(1).map((run) => run.map((item) => item.json.event))).toEqual([
				['channel', 'channel'],
				['createContact'],
				['createDeal'],
				['templateStatus'],
			]);
		});

		it('drops a redelivered message (same messageId) but not a new edit of it', async () => {
			await activate({ events: ['message', 'edited'] });
			const message = buildWazzupMessage();
			await wazzup.deliverMessages(message);
			await wazzup.deliverMessages(message);
			await wazzup.deliverMessages({ ...message, isEdited: true, text: 'v2' });
			await wazzup.deliverMessages({ ...message, isEdited: true, text: 'v2' });
			await wazzup.deliverMessages({ ...message, isEdited: true, text: 'v3' });
			expect(n8n.runs.map((run) => run[0].json.event)).toEqual(['message', 'edited', 'edited']);
		});

		it('keeps only the chosen channels', async () => {
			await activate({ channelIds: ` ${WHATSAPP.channelId} ,` });
			await wazzup.deliverMessages(
				buildWazzupMessage(),
				buildWazzupMessage({ channelId: WHATSAPP.channelId }),
			);
			expect(n8n.runs).toHaveLength(1);
			expect(n8n.runs[0].map((item) => item.json.conversation)).toEqual([
				expect.objectContaining({ channelId: WHATSAPP.channelId }),
			]);
		});

		it('accepts what Wazzup really sends: strings for booleans, numbers for ids, dateTime without zone', async () => {
			await activate({ events: ['message'] });
			await wazzup.deliverMessages(
				buildWazzupMessage({
					chatId: 79011112233,
					isEcho: 'false',
					dateTime: '2025-01-02T03:04:05.678',
				}),
				buildWazzupMessage({ isEcho: 'true' }),
			);
			expect(n8n.runs[0]).toHaveLength(1);
			expect(n8n.runs[0][0].json).toMatchObject({
				conversation: { chatId: '79011112233' },
				message: { date: '2025-01-02T03:04:05.678Z' },
			});
		});

		it('a body that is not a Wazzup delivery gets 400 and starts nothing; broken entries are skipped', async () => {
			const node = await activate();
			const token = new URL(wazzup.webhooks.webhooksUri ?? '').searchParams.get('token') ?? '';
			const notWazzup = await node.webhook({ body: { hello: 'world' }, query: { token } });
			expect(notWazzup.response.statusCode).toBe(400);
			expect(notWazzup.result.workflowData).toBeUndefined();
			const broken = await node.webhook({
				body: { messages: ['nonsense', { messageId: 'm1' }] },
				query: { token },
			});
			expect(broken.response.statusCode).toBe(200);
			expect(broken.result.workflowData).toBeUndefined();
			const text = await node.webhook({ body: undefined, rawBody: 'not json', query: { token } });
			expect(text.response.statusCode).toBe(400);
		});
	});

	describe('options', () => {
		const tokenOf = () =>
			new URL(wazzup.webhooks.webhooksUri ?? '').searchParams.get('token') ?? '';

		it('"Answer With the Workflow Result": a creation request waits for the workflow, a message is answered at once', async () => {
			const node = await activate({
				events: ['message', 'createContact'],
				options: { creationResponse: 'lastNode' },
			});
			const creation = await node.webhook({
				body: buildWazzupWebhook({ createContact: buildWazzupCreateContact() }),
				query: { token: tokenOf() },
			});
			expect(creation.result.noWebhookResponse).toBeUndefined();
			expect(creation.result.workflowData?.[0][0].json.event).toBe('createContact');
			const message = await node.webhook({
				body: buildWazzupWebhook({ messages: [buildWazzupMessage()] }),
				query: { token: tokenOf() },
			});
			expect(message.result.noWebhookResponse).toBe(true);
			expect(message.result.workflowData?.[0]).toHaveLength(1);
			expect(message.response.statusCode).toBe(200);
		});

		it('downloads a file into binary data without sending the API key to the file host', async () => {
			wazzup.route('GET', '/files/price.pdf', () => ({
				status: 200,
				body: Buffer.from('%PDF-1.4'),
			}));
			const node = await activate({ options: { downloadFiles: true } });
			const { result } = await node.webhook({
				body: buildWazzupWebhook({
					messages: [
						buildWazzupMediaMessage('document', { contentUri: `${wazzup.url}/files/price.pdf` }),
					],
				}),
				query: { token: tokenOf() },
			});
			const item = result.workflowData?.[0][0];
			expect(item?.binary?.data).toMatchObject({ fileName: 'price.pdf' });
			expect(wazzup.lastRequest('GET /files/price.pdf')?.headers.authorization).toBeUndefined();
		});
	});
});
