import type { INodeParameters } from 'n8n-workflow';

import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { seenDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import {
	buildWazzupCreateContact,
	buildWazzupMediaMessage,
	buildWazzupMessage,
	buildWazzupWebhook,
} from '../../../fakes/wazzup';
import { NodeHarness } from '../../../helpers';

const TOKEN = 'manual-token-0123456789';

/** One delivery to a Manual-mode trigger (its token is the field's, no credential read). */
async function deliver(parameters: INodeParameters, body: object) {
	const node = new NodeHarness(new WazzupTrigger(), {
		parameters: { registration: 'manual', urlToken: TOKEN, ...parameters },
		credentials: {
			omnichannelWazzupApi: { apiKey: 'k'.repeat(32), baseUrl: 'http://127.0.0.1:9' },
		},
		credentialTypes: [new OmnichannelWazzupApi()],
		workflow: { id: 'wfEdges' },
		staticData: {},
	});
	return (await node.webhook({ body, query: { token: TOKEN } })).result;
}

beforeEach(() => seenDeliveries.clear());

describe('Wazzup Trigger: webhook() edges', () => {
	it('takes only a body of nothing but {"test": true} for the probe', async () => {
		const body = { test: true, ...buildWazzupWebhook({ messages: [buildWazzupMessage()] }) };
		expect((await deliver({ events: ['message'] }, body)).workflowData?.[0]).toHaveLength(1);
	});

	it('fetches no file unless asked to', async () => {
		const body = buildWazzupWebhook({
			messages: [buildWazzupMediaMessage('image', { contentUri: 'http://127.0.0.1:9/1.jpg' })],
		});
		const [item] = (await deliver({ events: ['message'] }, body)).workflowData?.[0] ?? [];
		expect(item.binary).toBeUndefined();
		expect(item.json.message).not.toHaveProperty('downloadError');
	});

	it('answers a creation request at once unless told to answer with the workflow result', async () => {
		const body = buildWazzupWebhook({ createContact: buildWazzupCreateContact() });
		const result = await deliver({ events: ['createContact'] }, body);
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it('with "Answer With the Workflow Result", waits for the workflow when a delivery holds a creation request among other items', async () => {
		const body = buildWazzupWebhook({
			messages: [buildWazzupMessage()],
			createContact: buildWazzupCreateContact(),
		});
		const result = await deliver(
			{ events: ['message', 'createContact'], options: { creationResponse: 'lastNode' } },
			body,
		);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.workflowData?.[0]).toHaveLength(2);
	});
});

describe("Wazzup Trigger: a message's contact and files", () => {
	it("takes a WhatsApp chat id for the phone number, and no other channel's", async () => {
		const phoneOf = async (chatType: 'whatsapp' | 'telegram') => {
			const body = buildWazzupWebhook({
				messages: [buildWazzupMessage({ chatType, chatId: '79011112233' })],
			});
			const [item] = (await deliver({ events: ['message'] }, body)).workflowData?.[0] ?? [];
			return (item.json.contact as { phone?: string }).phone;
		};
		expect(await phoneOf('whatsapp')).toBe('79011112233');
		expect(await phoneOf('telegram')).toBeUndefined();
	});
	it('leaves out contact fields Wazzup sends empty', async () => {
		const body = buildWazzupWebhook({
			messages: [buildWazzupMessage({ contact: { name: '', avatarUri: '' } })],
		});
		const [item] = (await deliver({ events: ['message'] }, body)).workflowData?.[0] ?? [];
		expect(item.json.contact).toEqual({ phone: '79011112233' });
	});
	it('calls a file of no stated type a file', async () => {
		const message = buildWazzupMessage({ contentUri: 'https://store.example/x.bin' });
		delete (message as Partial<typeof message>).type;
		const body = buildWazzupWebhook({ messages: [message] });
		const [item] = (await deliver({ events: ['message'] }, body)).workflowData?.[0] ?? [];
		expect((item.json.message as { attachments: unknown }).attachments).toEqual([
			{ kind: 'file', url: 'https://store.example/x.bin' },
		]);
	});
});
