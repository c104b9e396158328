import { Omnichannel360DialogApi } from '../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360Trigger } from '../../../nodes/Dialog360/Dialog360Trigger.node';
import { forgetDeliveries } from '../../../nodes/Dialog360/trigger/pipeline';
import { SECRET_HEADER } from '../../../nodes/Dialog360/trigger/secret';
import { deriveWebhookToken } from '../../../nodes/shared';
import {
	buildInteractiveReplyWebhook,
	buildMediaWebhook,
	buildStatusWebhook,
	buildTextWebhook,
	DEFAULT_360DIALOG_KEY,
	FakeDialog360,
} from '../../fakes/dialog360';
import { NodeHarness, useFakeProvider } from '../../helpers';
import { fixture } from './fixtures';

const OTHER = { url: 'https://other.example.com/hook', headers: { Authorization: 'Basic abc' } };
const WORKFLOW_ID = 'wf360dialog00001';
const SECRET = deriveWebhookToken(DEFAULT_360DIALOG_KEY, WORKFLOW_ID, 'node-under-test');
const HEADERS = { [SECRET_HEADER.toLowerCase()]: SECRET };

describe('360dialog Trigger against the fake 360dialog API', () => {
	const dialog = useFakeProvider(new FakeDialog360());
	beforeEach(() => forgetDeliveries());

	const trigger = (parameters: Record<string, unknown> = {}, staticData = {}) =>
		new NodeHarness(new Dialog360Trigger(), {
			parameters: { events: ['message', 'status', 'error', 'reaction'], ...parameters },
			credentials: {
				omnichannel360DialogApi: {
					apiKey: DEFAULT_360DIALOG_KEY,
					apiVariant: 'cloud',
					baseUrl: dialog.url,
				},
			},
			credentialTypes: [new Omnichannel360DialogApi()],
			workflow: { id: WORKFLOW_ID },
			staticData,
		});

	const setForeign = async () => {
		const response = await fetch(`${dialog.url}/v1/configs/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'D360-API-KEY': DEFAULT_360DIALOG_KEY },
			body: JSON.stringify(OTHER),
		});
		expect(response.status).toBe(200);
	};

	it('activation sets the production URL with a derived secret header; checkExists sees it', async () => {
		const node = trigger();
		expect(await node.webhookMethod('checkExists')).toBe(false);
		expect(await node.webhookMethod('create')).toBe(true);
		expect(dialog.webhooks.get(DEFAULT_360DIALOG_KEY)).toEqual({
			url: node.webhookUrl('default', { mode: 'trigger' }),
			headers: { [SECRET_HEADER]: SECRET },
		});
		expect(await node.webhookMethod('checkExists')).toBe(true);
	});

	it('after activation checks the secret header without reading the credential (issue #15)', async () => {
		const staticData = {};
		const node = trigger({}, staticData);
		expect(await node.webhookMethod('create')).toBe(true);
		expect(JSON.stringify(staticData)).not.toContain(SECRET);
		const reads = jest.spyOn(node as unknown as { readCredentials(): unknown }, 'readCredentials');
		const production = { mode: 'webhook' as const };
		const { result } = await node.webhook(
			{ body: buildTextWebhook('hi'), headers: HEADERS },
			production,
		);
		expect(result.workflowData?.[0]).toHaveLength(1);
		const forged = await node.webhook(
			{ body: buildTextWebhook('hi'), headers: { [SECRET_HEADER.toLowerCase()]: 'x'.repeat(32) } },
			production,
		);
		expect(forged.response.statusCode).toBe(403);
		expect(reads).not.toHaveBeenCalled();
	});

	it('never replaces another URL without Take Over; with it, puts the old one back on deactivation', async () => {
		await setForeign();
		await expect(trigger().webhookMethod('create')).rejects.toThrow(
			`This WhatsApp number already delivers to another webhook: ${OTHER.url}`,
		);
		expect(dialog.webhooks.get(DEFAULT_360DIALOG_KEY)).toEqual(OTHER);

		const staticData = {};
		const taker = trigger({ options: { takeOverWebhook: true } }, staticData);
		expect(await taker.webhookMethod('create')).toBe(true);
		expect(dialog.webhooks.get(DEFAULT_360DIALOG_KEY)?.url).toBe(
			taker.webhookUrl('default', { mode: 'trigger' }),
		);
		// Deactivation may run in another process: only the static data travels.
		const later = trigger({ options: { takeOverWebhook: true } }, staticData);
		expect(await later.webhookMethod('delete')).toBe(true);
		expect(dialog.webhooks.get(DEFAULT_360DIALOG_KEY)).toEqual(OTHER);
	});

	it('deactivation leaves a URL someone else set meanwhile alone', async () => {
		const staticData = {};
		const node = trigger({}, staticData);
		await node.webhookMethod('create');
		await setForeign();
		expect(await node.webhookMethod('delete')).toBe(true);
		expect(dialog.webhooks.get(DEFAULT_360DIALOG_KEY)).toEqual(OTHER);
	});

	it('Manual mode changes nothing at 360dialog and checks the header the user chose', async () => {
		const node = trigger({
			registration: 'manual',
			manualHeaderName: 'X-My-Secret',
			manualHeaderValue: 's3cret',
		});
		expect(await node.webhookMethod('checkExists')).toBe(true);
		expect(await node.webhookMethod('create')).toBe(true);
		expect(await node.webhookMethod('delete')).toBe(true);
		expect(dialog.requests.filter((r) => r.path === '/v1/configs/webhook')).toHaveLength(0);

		const body = buildTextWebhook('hi');
		expect(
			(await node.webhook({ body, headers: { 'x-my-secret': 'nope' } })).response.statusCode,
		).toBe(403);
		const ok = await node.webhook({ body, headers: { 'x-my-secret': 's3cret' } });
		expect(ok.result.workflowData?.[0]).toHaveLength(1);
	});

	it('answers 403 and starts nothing when the secret header is wrong or missing', async () => {
		const node = trigger();
		for (const headers of [
			{},
			{ [SECRET_HEADER.toLowerCase()]: 'guess' },
			{ [SECRET_HEADER.toLowerCase()]: '' },
		]) {
			const { result, response } = await node.webhook({ body: fixture('pywa-text'), headers });
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(403);
		}
	});

	it('answers 400 to a body that is not a 360dialog webhook, 200 with no run to a filtered one', async () => {
		const node = trigger({ events: ['message'] });
		const bad = await node.webhook({ body: { hello: 'world' }, headers: HEADERS });
		expect(bad.response.statusCode).toBe(400);
		expect(bad.result.workflowData).toBeUndefined();
		const status = await node.webhook({ body: fixture('pywa-status-read'), headers: HEADERS });
		expect(status.response.statusCode).toBe(200);
		expect(status.result.workflowData).toBeUndefined();
	});

	it('one item per message or status, in both shapes; the same wamid twice starts one run', async () => {
		const node = trigger();
		const twoSame = await node.webhook({
			body: fixture('onpremise/courier-legacy-two-messages-same-id'),
			headers: HEADERS,
		});
		expect(twoSame.result.workflowData?.[0]).toHaveLength(1);

		const body = buildTextWebhook('hello', { messageId: 'wamid.ONE' });
		const first = await node.webhook({ body, headers: HEADERS });
		expect(first.result.workflowData?.[0][0].json).toMatchObject({
			event: 'message',
			conversation: { key: '360dialog:1122334455667:972987654321' },
			message: { id: 'wamid.ONE', text: 'hello' },
			contact: { name: 'Test Name' },
		});
		const again = await node.webhook({ body, headers: HEADERS });
		expect(again.response.statusCode).toBe(200);
		expect(again.result.workflowData).toBeUndefined();

		const reply = await node.webhook({
			body: buildInteractiveReplyWebhook(
				'button_reply',
				{ id: 'yes', title: 'Yes' },
				{ shape: 'onpremise' },
			),
			headers: HEADERS,
		});
		expect(reply.result.workflowData?.[0][0].json).toMatchObject({
			conversation: { key: '360dialog:default:972987654321' },
			message: { type: 'button_reply', text: 'Yes', replyId: 'yes' },
		});
	});

	it('filters statuses by the Statuses option; failed ones carry their errors', async () => {
		const node = trigger({ events: ['status'], options: { statuses: ['failed'] } });
		const read = await node.webhook({ body: buildStatusWebhook('read'), headers: HEADERS });
		expect(read.result.workflowData).toBeUndefined();
		const failed = await node.webhook({ body: fixture('pywa-status-failed'), headers: HEADERS });
		expect(failed.result.workflowData?.[0][0].json).toMatchObject({
			event: 'status',
			status: { status: 'failed', errors: [{ code: '130472' }] },
		});
	});

	it('downloads a received file into binary when asked, and reports a failed download without retrying', async () => {
		const upload = new FormData();
		upload.append('messaging_product', 'whatsapp');
		upload.append(
			'file',
			new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }),
			'a.pdf',
		);
		const uploaded = (await (
			await fetch(`${dialog.url}/media`, {
				method: 'POST',
				headers: { 'D360-API-KEY': DEFAULT_360DIALOG_KEY },
				body: upload,
			})
		).json()) as { id: string };

		const node = trigger({ options: { downloadFiles: true } });
		const { result } = await node.webhook({
			body: buildMediaWebhook('document', { id: uploaded.id, filename: 'a.pdf' }),
			headers: HEADERS,
		});
		const item = result.workflowData?.[0][0];
		expect(Buffer.from(item?.binary?.data.data ?? '', 'base64').toString()).toBe('%PDF-1.4');
		expect(item?.json.message).toMatchObject({
			attachments: [{ kind: 'document', id: uploaded.id, fileName: 'a.pdf' }],
		});

		const before = dialog.requests.length;
		const missing = await node.webhook({
			body: buildMediaWebhook('image', { id: '404404' }),
			headers: HEADERS,
		});
		const json = missing.result.workflowData?.[0][0].json as {
			message: { downloadError?: string };
		};
		expect(json.message.downloadError).toMatch(/360dialog answered 404/);
		// One request: a media failure is never repeated (5 per hour block the number).
		expect(dialog.requests.slice(before)).toHaveLength(1);
	});
});
