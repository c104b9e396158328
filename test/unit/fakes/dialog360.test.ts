import axios from 'axios';

import { FakeServer } from '../../fakes/fake-server';
import {
	buildTextWebhook,
	DEFAULT_360DIALOG_KEY,
	FakeDialog360,
	type Dialog360Variant,
} from '../../fakes/dialog360';

const client = axios.create({ validateStatus: () => true, timeout: 5000 });
const KEY = { headers: { 'D360-API-KEY': DEFAULT_360DIALOG_KEY } };
const USER = '4915112345678';

const text = (body: string, to = USER) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to,
	type: 'text',
	text: { body },
});
const buttons = (titles: string[]) => ({
	messaging_product: 'whatsapp',
	to: USER,
	type: 'interactive',
	interactive: {
		type: 'button',
		body: { text: 'Pick one' },
		action: {
			buttons: titles.map((title, index) => ({ type: 'reply', reply: { id: `b${index}`, title } })),
		},
	},
});
const list = (rows: number) => ({
	messaging_product: 'whatsapp',
	to: USER,
	type: 'interactive',
	interactive: {
		type: 'list',
		body: { text: 'Menu' },
		action: {
			button: 'Menu',
			sections: [
				{
					title: 'A',
					rows: Array.from({ length: rows }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })),
				},
			],
		},
	},
});
const media = (kind: string, link: string) => ({
	messaging_product: 'whatsapp',
	to: USER,
	type: kind,
	[kind]: { link },
});
/** The body without messaging_product, as On-Premise takes it. */
const bare = (body: Record<string, unknown>): Record<string, unknown> =>
	Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'messaging_product'));
const template = (name = 'hello_world') => ({
	messaging_product: 'whatsapp',
	to: USER,
	type: 'template',
	template: { name, language: { code: 'en' } },
});

describe('FakeDialog360 (Cloud API)', () => {
	const d360 = new FakeDialog360({ templates: ['hello_world'] });
	const receiver = new FakeServer();
	const post = async (body: unknown, path = '/messages', config = KEY) =>
		await client.post(`${d360.url}${path}`, body, config);

	beforeAll(async () => {
		await d360.start();
		await receiver.start();
		receiver.route('POST', '/webhook/:id', () => ({ json: { ok: true } }));
	});
	afterAll(async () => {
		await d360.stop();
		await receiver.stop();
	});
	beforeEach(() => {
		d360.reset();
		receiver.reset();
		d360.setRateLimit({ limit: 80, windowMs: 1000 });
	});

	it('refuses a missing or wrong D360-API-KEY with 401 in the meta shape', async () => {
		const missing = await post(text('hi'), '/messages', { headers: {} } as typeof KEY);
		expect(missing.status).toBe(401);
		expect(missing.data).toEqual({
			meta: { success: false, http_code: 401, developer_message: 'Missing D360-API-KEY header' },
		});
		const wrong = await post(text('hi'), '/messages', { headers: { 'D360-API-KEY': 'nope' } });
		expect(wrong.status).toBe(401);
		expect(wrong.data.meta.developer_message).toBe('Invalid api key');
		const bearer = await post(text('hi'), '/messages', {
			headers: { Authorization: `Bearer ${DEFAULT_360DIALOG_KEY}` },
		} as unknown as typeof KEY);
		expect(bearer.status).toBe(401);
		expect(d360.sent).toHaveLength(0);
	});

	it('accepts a text and answers with the wamid; sentTo lists it', async () => {
		const answer = await post(text('Hello'));
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			messaging_product: 'whatsapp',
			contacts: [{ input: USER, wa_id: USER }],
			messages: [{ id: expect.stringMatching(/^wamid\./) }],
		});
		expect(d360.sentTo(USER)).toEqual([
			expect.objectContaining({ id: answer.data.messages[0].id, type: 'text', to: USER }),
		]);
		expect(d360.sentTo('000')).toEqual([]);
	});

	it('needs messaging_product "whatsapp" on Cloud', async () => {
		const answer = await post(bare(text('hi')));
		expect(answer.status).toBe(400);
		expect(answer.data.error).toMatchObject({
			code: 100,
			error_data: { details: expect.stringContaining('messaging_product') },
		});
	});

	it('limits text to 4096 characters', async () => {
		expect((await post(text('x'.repeat(4096)))).status).toBe(200);
		const long = await post(text('x'.repeat(4097)));
		expect(long.status).toBe(400);
		expect(long.data.error.code).toBe(100);
		expect(long.data.error.error_data.details).toMatch(/4096/);
	});

	it('allows at most 3 reply buttons with titles of at most 20 characters', async () => {
		expect((await post(buttons(['a', 'b', 'c']))).status).toBe(200);
		const four = await post(buttons(['a', 'b', 'c', 'd']));
		expect(four.status).toBe(400);
		expect(four.data.error.code).toBe(131009);
		expect(four.data.error.error_data.details).toMatch(/between 1 and 3/);
		expect((await post(buttons(['x'.repeat(20)]))).status).toBe(200);
		const longTitle = await post(buttons(['x'.repeat(21)]));
		expect(longTitle.status).toBe(400);
		expect(longTitle.data.error.error_data.details).toMatch(/Button title.*Max length: 20/);
	});

	it('allows at most 10 list rows', async () => {
		expect((await post(list(10))).status).toBe(200);
		const eleven = await post(list(11));
		expect(eleven.status).toBe(400);
		expect(eleven.data.error.code).toBe(131009);
		expect(eleven.data.error.error_data.details).toMatch(/row count/);
	});

	it('refuses an unsupported media format with 131053, so a client can resend as a document', async () => {
		const gif = 'https://example.org/files/anim.gif';
		const refused = await post(media('image', gif));
		expect(refused.status).toBe(400);
		expect(refused.data.error).toMatchObject({
			code: 131053,
			message: '(#131053) Media upload error',
		});
		expect(refused.data.error.error_data.details).toMatch(/Unsupported image type image\/gif/);
		expect((await post(media('document', gif))).status).toBe(200);
		expect((await post(media('image', 'https://example.org/p.jpg'))).status).toBe(200);
		expect(d360.sentTo(USER).map((message) => message.type)).toEqual(['document', 'image']);
	});

	it('refuses free text outside the 24-hour window with 131047 but accepts a template', async () => {
		d360.expireWindow(USER);
		const refused = await post(text('Are you there?'));
		expect(refused.status).toBe(400);
		expect(refused.data.error).toMatchObject({
			code: 131047,
			message: '(#131047) Re-engagement message',
		});
		expect((await post(buttons(['ok']))).data.error.code).toBe(131047);
		expect((await post(text('other user', '4900000'))).status).toBe(200);
		expect((await post(template('unknown'))).data.error.code).toBe(132001);
		expect((await post(template())).status).toBe(200);
		// §4.4: a delivered template reopens the window.
		expect(d360.isWindowOpen(USER)).toBe(true);
		expect((await post(text('now fine'))).status).toBe(200);
	});

	it('with templateOpensWindow false a template leaves the window closed', async () => {
		d360.options.templateOpensWindow = false;
		try {
			d360.expireWindow(USER);
			expect((await post(template())).status).toBe(200);
			expect((await post(text('still closed'))).data.error.code).toBe(131047);
		} finally {
			d360.options.templateOpensWindow = undefined;
		}
	});

	it('a message delivered from the user reopens the window', async () => {
		d360.expireWindow(USER);
		await d360.deliverWebhook(buildTextWebhook('hello', { from: USER }), {
			url: `${receiver.url}/webhook/in`,
		});
		expect(d360.isWindowOpen(USER)).toBe(true);
	});

	it('answers 429 with Retry-After and code 130429 past the rate limit', async () => {
		d360.setRateLimit({ limit: 2, windowMs: 60_000 });
		expect((await post(text('1'))).status).toBe(200);
		expect((await post(text('2'))).status).toBe(200);
		const limited = await post(text('3'));
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toMatch(/^\d+$/);
		expect(limited.data.error.code).toBe(130429);
		expect(d360.sent).toHaveLength(2);
		expect(d360.lastRequest('POST /messages')?.fault).toBe('rate-limit per-key');
	});

	it('reads and sets the webhook and delivers with the stored headers', async () => {
		const url = `${d360.url}/v1/configs/webhook`;
		expect((await client.get(url, KEY)).data).toEqual({ url: '' });
		const config = {
			url: `${receiver.url}/webhook/wa`,
			headers: { Authorization: 'Basic c2VjcmV0' },
		};
		const set = await client.post(url, config, KEY);
		expect(set.status).toBe(200);
		expect(set.data).toEqual(config);
		expect((await client.get(url, KEY)).data).toEqual(config);
		const bad = await client.post(url, { url: 'not a url' }, KEY);
		expect(bad.status).toBe(400);
		expect(bad.data.meta).toMatchObject({ success: false, http_code: 400 });
		expect((await client.get(url)).status).toBe(401);

		const body = buildTextWebhook('hi', { from: USER });
		const delivery = await d360.deliverWebhook(body);
		expect(delivery.status).toBe(200);
		const hook = receiver.lastRequest('POST /webhook/:id');
		expect(hook?.headers.authorization).toBe('Basic c2VjcmV0');
		expect(hook?.json).toEqual(body);
	});

	it('refuses webhook URLs with a port or "_" when enforceWebhookUrlRules is set', async () => {
		d360.options.enforceWebhookUrlRules = true;
		try {
			const url = `${d360.url}/v1/configs/webhook`;
			expect((await client.post(url, { url: 'https://a.example.org:8443/h' }, KEY)).status).toBe(
				400,
			);
			expect((await client.post(url, { url: 'https://my_host.example.org/h' }, KEY)).status).toBe(
				400,
			);
			expect((await client.post(url, { url: 'https://hooks.example.org/h' }, KEY)).status).toBe(
				200,
			);
		} finally {
			d360.options.enforceWebhookUrlRules = false;
		}
	});

	it('uploads, describes, downloads (re-hosted URL), sends by id and deletes media', async () => {
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('file', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'a.png');
		const upload = await client.post(`${d360.url}/media`, form, KEY);
		expect(upload.status).toBe(200);
		const id = upload.data.id as string;
		const info = await client.get(`${d360.url}/${id}`, KEY);
		expect(info.data).toMatchObject({
			id,
			mime_type: 'image/png',
			file_size: 7,
			messaging_product: 'whatsapp',
		});
		expect(info.data.url).toMatch(
			/^https:\/\/lookaside\.fbsbx\.com\/whatsapp_business\/attachments\/\?mid=/,
		);
		const file = await client.get(d360.localMediaUrl(info.data.url as string), {
			...KEY,
			responseType: 'arraybuffer',
		});
		expect(file.headers['content-type']).toBe('image/png');
		expect(Buffer.from(file.data as ArrayBuffer).toString()).toBe('PNGDATA');
		const byId = await post({
			messaging_product: 'whatsapp',
			to: USER,
			type: 'image',
			image: { id },
		});
		expect(byId.status).toBe(200);
		expect((await client.delete(`${d360.url}/${id}`, KEY)).data).toEqual({ success: true });
		expect((await client.get(`${d360.url}/${id}`, KEY)).status).toBe(404);
	});

	it('blocks GET /{media-id} after more than 5 failed media requests', async () => {
		for (let i = 0; i < 6; i++)
			expect((await client.get(`${d360.url}/404${i}`, KEY)).status).toBe(404);
		const blocked = await client.get(`${d360.url}/4040`, KEY);
		expect(blocked.status).toBe(429);
		expect(blocked.data.error.code).toBe(130429);
		d360.reset();
		expect((await client.get(`${d360.url}/4040`, KEY)).status).toBe(404);
	});

	it('answers unknown paths with 404 in the meta shape, and reset() forgets everything', async () => {
		const unknown = await client.get(`${d360.url}/v1/nothing/here`, KEY);
		expect(unknown.status).toBe(404);
		expect(unknown.data.meta.http_code).toBe(404);
		await post(text('x'));
		d360.expireWindow(USER);
		await client.post(`${d360.url}/v1/configs/webhook`, { url: 'https://h.example.org' }, KEY);
		d360.reset();
		expect(d360.sent).toEqual([]);
		expect(d360.requests).toEqual([]);
		expect(d360.isWindowOpen(USER)).toBe(true);
		expect(d360.webhooks.size).toBe(0);
	});
});

describe('FakeDialog360 (On-Premise)', () => {
	const variant: Dialog360Variant = 'onpremise';
	const d360 = new FakeDialog360({ variant, apiKeys: ['onprem-key'] });
	const ONPREM = { headers: { 'D360-API-KEY': 'onprem-key' } };
	const post = async (body: Record<string, unknown>, path = '/v1/messages') =>
		await client.post(`${d360.url}${path}`, body, ONPREM);

	beforeAll(async () => {
		await d360.start();
	});
	afterAll(async () => {
		await d360.stop();
	});
	beforeEach(() => {
		d360.reset();
		d360.setRateLimit({ limit: 80, windowMs: 1000 });
	});

	it('sends on /v1/messages without messaging_product; /messages is not there', async () => {
		const answer = await post(bare(text('hi')));
		expect(answer.status).toBe(200);
		expect(answer.data.messages[0].id).toMatch(/^wamid\./);
		expect(answer.data.meta).toMatchObject({ api_status: 'stable' });
		expect((await post(text('hi'), '/messages')).status).toBe(404);
		expect((await client.post(`${d360.url}/v1/messages`, text('hi'), KEY)).status).toBe(401);
	});

	it('answers errors in the On-Premise shape', async () => {
		const long = await post(bare(text('x'.repeat(4097))));
		expect(long.status).toBe(400);
		expect(long.data.errors).toEqual([
			{ code: 1001, title: 'Message too long', details: expect.stringMatching(/4096/) },
		]);
		expect((await post(bare(buttons(['a', 'b', 'c', 'd'])))).data.errors[0].code).toBe(1009);
		expect((await post(bare(list(11)))).data.errors[0].code).toBe(1009);
		const png = await post(bare(media('sticker', 'https://example.org/s.png')));
		expect(png.data.errors[0]).toMatchObject({
			code: 1009,
			details: expect.stringMatching(/Unsupported sticker/),
		});
		d360.expireWindow(USER);
		expect((await post(bare(text('late')))).data.errors[0].code).toBe(470);
	});

	it('answers the rate limit with 429 and code 1015', async () => {
		d360.setRateLimit({ limit: 1, windowMs: 60_000 });
		expect((await post(bare(text('1')))).status).toBe(200);
		const limited = await post(bare(text('2')));
		expect(limited.status).toBe(429);
		expect(limited.data.errors[0].code).toBe(1015);
	});

	it('has the webhook config on /v1/configs/webhook and no Cloud media routes', async () => {
		const url = `${d360.url}/v1/configs/webhook`;
		expect((await client.post(url, { url: 'https://h.example.org/in' }, ONPREM)).data).toEqual({
			url: 'https://h.example.org/in',
		});
		expect((await client.get(url, ONPREM)).data.url).toBe('https://h.example.org/in');
		expect((await client.get(`${d360.url}/12345`, ONPREM)).status).toBe(404);
	});
});
