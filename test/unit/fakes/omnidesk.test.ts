import { readFileSync } from 'node:fs';
import path from 'node:path';

import axios from 'axios';
import FormData from 'form-data';

import { FakeServer } from '../../fakes/fake-server';
import {
	FakeOmnidesk,
	buildAdminJsonWebhook,
	buildCustomChannelWebhook,
	buildRulesWebhook,
} from '../../fakes/omnidesk';

const fixture = (name: string): Record<string, unknown> =>
	JSON.parse(
		readFileSync(path.join(__dirname, '../../fixtures/omnidesk', `${name}.json`), 'utf8'),
	) as Record<string, unknown>;

/**
 * Every key of `real` exists in `fake` with the same JSON type (recursing into objects, except
 * custom_fields whose keys are account data).
 */
function expectSameShape(fake: unknown, real: unknown, where = '$'): void {
	const kind = (value: unknown) =>
		Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
	expect(`${where}: ${kind(fake)}`).toBe(`${where}: ${kind(real)}`);
	if (kind(real) === 'object' && !where.endsWith('.custom_fields')) {
		for (const [key, value] of Object.entries(real as Record<string, unknown>)) {
			expect(Object.keys(fake as object)).toContain(key);
			expectSameShape((fake as Record<string, unknown>)[key], value, `${where}.${key}`);
		}
	}
	if (kind(real) === 'array' && (real as unknown[]).length > 0 && (fake as unknown[]).length > 0) {
		expectSameShape((fake as unknown[])[0], (real as unknown[])[0], `${where}[0]`);
	}
}

const client = axios.create({ validateStatus: () => true, timeout: 5000 });

describe('FakeOmnidesk', () => {
	const desk = new FakeOmnidesk();
	const receiver = new FakeServer();
	const auth = () => ({ headers: { Authorization: desk.authHeader() } });
	const get = async (url: string) => await client.get(`${desk.apiBaseUrl}${url}`, auth());
	const put = async (url: string, body: unknown) =>
		await client.put(`${desk.apiBaseUrl}${url}`, body, auth());
	const post = async (url: string, body: unknown) =>
		await client.post(`${desk.apiBaseUrl}${url}`, body, auth());

	beforeAll(async () => {
		await desk.start();
		await receiver.start();
		receiver.route('POST', '/webhook/:id', () => ({ json: { ok: true } }));
	});
	afterAll(async () => {
		await desk.stop();
		await receiver.stop();
	});
	beforeEach(() => {
		desk.setRateLimit(500);
		desk.reset();
		receiver.reset();
	});

	describe('auth', () => {
		it('refuses a missing header, a wrong key and a wrong email with 401', async () => {
			const url = `${desk.apiBaseUrl}/cases/2000.json`;
			const none = await client.get(url);
			expect(none.status).toBe(401);
			expect(none.data).toEqual({ error: 'unauthorized', description: expect.any(String) });
			expect(none.headers['www-authenticate']).toMatch(/^Basic/);
			const wrongKey = { headers: { Authorization: desk.authHeader(desk.staffEmail, 'nope') } };
			expect((await client.get(url, wrongKey)).status).toBe(401);
			const wrongUser = { headers: { Authorization: desk.authHeader('x@example.com') } };
			expect((await client.get(url, wrongUser)).status).toBe(401);
			expect(
				(
					await client.get(url, {
						auth: { username: 'bot@example.com', password: 'test-omnidesk-key' },
					})
				).status,
			).toBe(200);
		});
	});

	describe('cases', () => {
		it('gets a case by case_id and by case_number, 404 otherwise', async () => {
			const byId = await get('/cases/2000.json');
			const byNumber = await get('/cases/664-245651.json');
			expect(byId.status).toBe(200);
			expect(byNumber.data).toEqual(byId.data);
			expect(byId.data.case.case_number).toBe('664-245651');
			const missing = await get('/cases/999-1.json');
			expect(missing.status).toBe(404);
			expect(missing.data.error).toBe('case_not_found');
		});

		it('answers cases in the shape of the real full and minimal fixtures', async () => {
			const full = await get('/cases/2000.json');
			expectSameShape(full.data, fixture('sdk-api-get-case-response-full'));
			expect(full.data.case.closed_at).toBe('-');
			expectSameShape(
				(await get('/cases/2001.json')).data,
				fixture('sdk-api-get-case-response-minimal'),
			);
		});

		it('lists with filters in the keyed-object shape with total_count', async () => {
			const all = await get('/cases.json');
			expect(Object.keys(all.data)).toEqual(['0', '1', 'total_count']);
			expect(all.data.total_count).toBe(2);
			expect(all.data['0'].case.case_id).toBe(2001);
			const open = await get('/cases.json?status[]=open&status[]=waiting');
			expect(open.data.total_count).toBe(1);
			expect(open.data['0'].case.status).toBe('open');
			expect((await get('/cases.json?staff_id=22')).data['0'].case.case_id).toBe(2000);
			expect((await get('/cases.json?staff_id=0')).data).toEqual({ total_count: 0 });
			expect((await get('/cases.json?group_id=55&channel[]=email')).data.total_count).toBe(1);
			expect((await get('/cases.json?labels=101')).data.total_count).toBe(1);
		});

		it('pages with page/limit and total_count of every match', async () => {
			for (let index = 0; index < 5; index++) {
				await post('/cases.json', {
					case: { user_email: `u${index}@example.com`, subject: `s${index}`, content: 'hi' },
				});
			}
			const first = await get('/cases.json?page=1&limit=3');
			const third = await get('/cases.json?page=3&limit=3');
			expect(first.data.total_count).toBe(7);
			expect(Object.keys(first.data)).toEqual(['0', '1', '2', 'total_count']);
			expect(third.data['0'].case.case_id).toBe(2000);
			expect(Object.keys(third.data)).toEqual(['0', 'total_count']);
			expect((await get('/cases.json?limit=101')).status).toBe(400);
			expect((await get('/cases.json?page=0')).data.error).toBe('invalid_data');
		});

		it('creates a case with its first client message', async () => {
			const created = await post('/cases.json', {
				case: {
					user_email: 'ivan@example.com',
					subject: 'Where is my order?',
					content: 'Order 42',
					custom_fields: { cf_25: 'x' },
					labels: [101],
				},
			});
			expect(created.status).toBe(201);
			expect(created.data.case).toMatchObject({
				status: 'open',
				labels: [101],
				subject: 'Where is my order?',
			});
			expectSameShape(created.data, fixture('sdk-api-get-case-response-full'));
			const messages = desk.messagesOf(created.data.case.case_number);
			expect(messages).toHaveLength(1);
			expect(messages[0]).toMatchObject({
				user_id: created.data.case.user_id,
				staff_id: 0,
				content: 'Order 42',
			});
		});

		it('finds the cases of a client by user_email or user_phone', async () => {
			const open = (user: Record<string, string>) =>
				post('/cases.json', { case: { ...user, subject: 's', content: 'c' } });
			const byMail = (await open({ user_email: 'tg@example.invalid' })).data.case.case_id;
			const byPhone = (await open({ user_phone: '79011112233' })).data.case.case_id;
			const ids = async (query: string) =>
				Object.values((await get(`/cases.json?${query}`)).data)
					.filter((entry): entry is { case: { case_id: number } } => typeof entry === 'object')
					.map((entry) => entry.case.case_id);
			expect(await ids('user_email=tg%40example.invalid')).toEqual([byMail]);
			expect(await ids('user_phone=79011112233')).toEqual([byPhone]);
			expect(await ids('user_email=nobody%40example.com')).toEqual([]);
		});

		it('refuses invalid data in the error shape and changes nothing', async () => {
			const noUser = await post('/cases.json', { case: { subject: 's', content: 'c' } });
			expect(noUser.status).toBe(400);
			expect(noUser.data).toEqual({
				error: 'invalid_data',
				description: 'user_email or user_phone is required',
			});
			const badStatus = await put('/cases/2001.json', {
				case: { status: 'done', priority: 'high' },
			});
			expect(badStatus.status).toBe(400);
			expect(badStatus.data.description).toMatch(/status must be one of/);
			expect(desk.caseOf(2001).priority).toBe('normal');
			expect((await put('/cases/2001.json', { case: { group_id: 99 } })).data.description).toMatch(
				/group_id 99/,
			);
			expect((await put('/cases/2001.json', { status: 'open' })).status).toBe(400);
		});

		it('updates status, priority, group, staff (string ids) and merges custom fields', async () => {
			const answer = await put('/cases/664-245652.json', {
				case: {
					status: 'closed',
					priority: 'high',
					group_id: '44',
					staff_id: '22',
					custom_fields: { cf_7: 'v' },
				},
			});
			expect(answer.status).toBe(200);
			expect(answer.data.case).toMatchObject({
				status: 'closed',
				priority: 'high',
				group_id: 44,
				staff_id: 22,
				custom_fields: { cf_7: 'v' },
			});
			expect(answer.data.case.closed_at).not.toBe('-');
			expect(desk.caseOf(2001).staff_id).toBe(22);
		});

		it('labels: "labels" replaces, add_labels/remove_labels edit, locked labels stay, unknown ids refused', async () => {
			const labels = async (body: Record<string, unknown>) =>
				(await put('/cases/2000.json', { case: body })).data.case?.labels as number[];
			expect(await labels({ labels: [101] })).toEqual([101, 104, 105]);
			expect(await labels({ add_labels: [102, 103] })).toEqual([101, 104, 105, 102, 103]);
			expect(await labels({ remove_labels: '101,104' })).toEqual([105, 102, 103, 104]);
			expect(await labels({ labels: [] })).toEqual([104, 105]);
			const unknown = await put('/cases/2000.json', { case: { add_labels: [999] } });
			expect(unknown.status).toBe(400);
			expect(unknown.data.description).toMatch(/unknown label id 999/);
		});
	});

	describe('messages and notes', () => {
		it('adds a reply as the authenticated staff by default, in the fixture shape', async () => {
			const answer = await post('/cases/2001/messages.json', { message: { content: 'Hello!' } });
			expect(answer.status).toBe(201);
			expect(answer.data.message).toMatchObject({
				staff_id: 41094,
				user_id: 0,
				content: 'Hello!',
				note: false,
			});
			expectSameShape(answer.data, fixture('sdk-api-post-message-response'));
			expect(desk.addedTo('664-245652').map((message) => message.content)).toEqual(['Hello!']);
			expect(desk.caseOf(2001).last_response_at).toBe(answer.data.message.created_at);
		});

		it('adds as a given staff or user, refuses both or neither content', async () => {
			const asUser = await post('/cases/2001/messages.json', {
				message: { content: 'hi', user_id: 456 },
			});
			expect(asUser.data.message).toMatchObject({ user_id: 456, staff_id: 0 });
			const asStaff = await post('/cases/2001/messages.json', {
				message: { content: 'hi', staff_id: '33' },
			});
			expect(asStaff.data.message.staff_id).toBe(33);
			const both = await post('/cases/2001/messages.json', {
				message: { content: 'x', staff_id: 33, user_id: 456 },
			});
			expect(both.status).toBe(400);
			const empty = await post('/cases/2001/messages.json', { message: {} });
			expect(empty.data.error).toBe('invalid_data');
		});

		it('takes attachments by multipart upload and attachment_urls', async () => {
			const form = new FormData();
			form.append('message[content]', 'See attached');
			form.append('message[attachments][0]', Buffer.from('%PDF-1.4'), {
				filename: 'contract.pdf',
				contentType: 'application/pdf',
			});
			const upload = await client.post(`${desk.apiBaseUrl}/cases/2001/messages.json`, form, {
				headers: { ...form.getHeaders(), Authorization: desk.authHeader() },
			});
			expect(upload.status).toBe(201);
			expectSameShape(upload.data, fixture('sdk-api-post-message-response-attachments'));
			expect(upload.data.message.attachments[0]).toMatchObject({
				file_name: 'contract.pdf',
				file_size: 8,
			});
			const byUrl = await post('/cases/2001/messages.json', {
				message: { attachment_urls: ['https://files.example.com/a/invoice.pdf'] },
			});
			expect(byUrl.data.message.attachments[0].file_name).toBe('invoice.pdf');
		});

		it('lists messages keyed with total_count, order and paging; notes included', async () => {
			desk.addClientMessage(2001, 'first');
			await post('/cases/2001/messages.json', { message: { content: 'second' } });
			const note = await post('/cases/2001/note.json', { note: { content: 'internal' } });
			expect(note.status).toBe(201);
			expect(note.data.message).toMatchObject({ note: true, content: 'internal' });
			const list = await get('/cases/2001/messages.json');
			// The fixture's first message carries rating fields (a rated client message); the second
			// is a plain one, which is what the fake lists.
			const real = fixture('sdk-api-get-case-messages-response');
			expectSameShape(list.data, { '0': real['1'], total_count: real.total_count });
			expect(list.data.total_count).toBe(3);
			expect(list.data['0'].message.content).toBe('first');
			const desc = await get('/cases/2001/messages.json?order=desc&page=1&limit=1');
			expect(Object.keys(desc.data)).toEqual(['0', 'total_count']);
			expect(desc.data['0'].message.content).toBe('internal');
		});
	});

	describe('labels, groups, staff, knowledge base', () => {
		it('lists them keyed by resource', async () => {
			expect((await get('/labels.json?limit=2')).data).toEqual({
				'0': { label: { label_id: 101, label_title: 'vip' } },
				'1': { label: { label_id: 102, label_title: 'bug' } },
				total_count: 5,
			});
			expect((await get('/groups.json')).data['0'].group).toMatchObject({
				group_id: 44,
				group_title: 'Support',
			});
			expect((await get('/staff.json')).data['2'].staff.staff_email).toBe('bot@example.com');
		});

		it('searches knowledge base articles (≥ 3 characters)', async () => {
			const found = await get('/kb_article.json?search=REFUND');
			expect(found.data.total_count).toBe(1);
			expect(found.data['0'].kb_article.article_title).toBe('Refund policy');
			expect((await get('/kb_article.json?section_id=10')).data.total_count).toBe(2);
			expect((await get('/kb_article.json?search=ab')).status).toBe(400);
		});
	});

	describe('rate limit', () => {
		it('counts down api_calls_left, then answers 429 with retry_after', async () => {
			desk.setRateLimit(2);
			const first = await get('/cases/2000.json');
			expect(first.headers.rate_limit_per_minute).toBe('2');
			expect(first.headers.api_calls_left).toBe('1');
			expect((await get('/cases/2000.json')).headers.api_calls_left).toBe('0');
			const refused = await get('/cases/2000.json');
			expect(refused.status).toBe(429);
			expect(Number(refused.headers.retry_after)).toBeGreaterThanOrEqual(1);
			expect(Number(refused.headers.retry_after)).toBeLessThanOrEqual(60);
			expect(refused.data.error).toBe('too_many_requests');
			expect(desk.lastRequest()?.fault).toBe('rate-limit per-minute');
		});
	});

	describe('webhooks', () => {
		it('builds a Rules body with string values and localized labels', () => {
			const body = buildRulesWebhook({
				kase: desk.caseOf(2000),
				message: desk.addClientMessage(2000, 'Help'),
			});
			expect(body).toMatchObject({
				case_id: '2000',
				case_number: '664-245651',
				case_status: 'закрытое',
				case_priority: 'Обычный',
				last_message: 'Help',
				last_staff_id: '0',
				custom_field_25: 'some text',
			});
			expect(Object.values(body).every((value) => typeof value === 'string')).toBe(true);
		});

		it('builds the custom-channel body in the fixture shape', () => {
			const message = desk.addClientMessage(2001, 'hi');
			expectSameShape(
				buildCustomChannelWebhook(2001, message),
				fixture('sdk-custom-channel-webhook-message-new'),
			);
		});

		it('delivers an admin-written body to a URL', async () => {
			const body = buildAdminJsonWebhook({
				kase: desk.caseOf(2001),
				message: desk.addClientMessage(2001, 'Hi there'),
			});
			expect(body).toMatchObject({
				event: 'new_message',
				message: { kind: 'visitor', text: 'Hi there' },
				visitor: { id: 456 },
				chat_id: 2001,
			});
			const delivery = await desk.deliverWebhook(`${receiver.url}/webhook/od?token=s3cret`, body, {
				'x-rule-token': 's3cret',
			});
			expect(delivery.status).toBe(200);
			const [hook] = await receiver.waitForRequests('POST /webhook/:id');
			expect(hook.json).toEqual(body);
			expect(hook.headers['x-rule-token']).toBe('s3cret');
			expect(desk.deliveries).toHaveLength(1);
		});
	});

	it('reset() restores the seeded data', async () => {
		await put('/cases/2000.json', { case: { labels: [] } });
		await post('/cases/2000/messages.json', { message: { content: 'x' } });
		desk.reset();
		expect(desk.caseOf(2000).labels).toEqual([101, 102, 103, 104, 105]);
		expect(desk.messagesOf(2000)).toEqual([]);
		expect(desk.added).toEqual([]);
		expect(desk.requests).toEqual([]);
	});
});
