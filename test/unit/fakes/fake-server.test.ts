import axios, { type AxiosError } from 'axios';
import FormData from 'form-data';

import { FakeServer, deliverWebhook, faults } from '../../fakes/fake-server';

const client = axios.create({ validateStatus: () => true, timeout: 5000 });

describe('FakeServer', () => {
	const server = new FakeServer({ maxRecorded: 50 });

	beforeAll(async () => {
		await server.start();
		server.route('POST', '/echo/:name', (request) => ({
			json: { name: request.params.name, body: request.body },
		}));
		server.route('GET', /^\/items\/(?<id>\d+)$/, (request) => ({
			json: { id: request.params.id, q: request.query.q },
		}));
	});
	afterAll(async () => await server.stop());
	beforeEach(() => server.reset());

	it('records method, path, query, headers and a parsed JSON body', async () => {
		const answer = await client.post(
			`${server.url}/echo/alice?x=1`,
			{ hello: 'world' },
			{ headers: { 'X-Test': 'yes' } },
		);
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({ name: 'alice', body: { hello: 'world' } });
		const [recorded] = server.requests;
		expect(recorded).toMatchObject({
			method: 'POST',
			path: '/echo/alice',
			query: { x: '1' },
			json: { hello: 'world' },
			params: { name: 'alice' },
		});
		expect(recorded.headers['x-test']).toBe('yes');
		expect(recorded.rawBody.toString()).toBe('{"hello":"world"}');
		expect(recorded.receivedAt).toBeLessThanOrEqual(Date.now());
	});

	it('routes by RegExp with named groups and answers 404 elsewhere', async () => {
		expect((await client.get(`${server.url}/items/42?q=z`)).data).toEqual({ id: '42', q: 'z' });
		expect((await client.get(`${server.url}/nowhere`)).status).toBe(404);
	});

	it('records urlencoded fields', async () => {
		await client.post(`${server.url}/echo/form`, 'a=1&b=two+words', {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(server.lastRequest()?.form).toEqual({ a: '1', b: 'two words' });
	});

	it('records multipart fields and uploaded files', async () => {
		const form = new FormData();
		form.append('chat_id', '123');
		form.append('photo', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a]), {
			filename: 'cat "1".jpg',
			contentType: 'image/jpeg',
		});
		await client.post(`${server.url}/echo/upload`, form, { headers: form.getHeaders() });
		const recorded = server.lastRequest();
		expect(recorded?.fields).toEqual({ chat_id: '123' });
		expect(recorded?.files).toHaveLength(1);
		expect(recorded?.files[0]).toMatchObject({
			field: 'photo',
			filename: 'cat "1".jpg',
			contentType: 'image/jpeg',
			size: 6,
		});
		expect([...(recorded?.files[0].data ?? [])]).toEqual([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a]);
	});

	it('answers scripted 429 and 500 the given number of times, then normally', async () => {
		server.failNext(
			'POST /echo/:name',
			faults.respond(429, { retry_after: 2 }, { 'Retry-After': '2' }),
		);
		server.failNext('/echo/:name', faults.respond(500, { error: 'boom' }), 2);
		const statuses = [];
		for (let i = 0; i < 4; i++)
			statuses.push((await client.post(`${server.url}/echo/x`, {})).status);
		expect(statuses).toEqual([429, 500, 500, 200]);
		expect(server.requests.map((r) => r.fault)).toEqual([
			'respond 429',
			'respond 500',
			'respond 500',
			undefined,
		]);
	});

	it('sends the Retry-After header of a scripted 429', async () => {
		server.failNext(/^\/echo/, faults.respond(429, { retry_after: 7 }, { 'Retry-After': '7' }));
		const answer = await client.post(`${server.url}/echo/x`, {});
		expect(answer.headers['retry-after']).toBe('7');
		expect(answer.data).toEqual({ retry_after: 7 });
	});

	it('drops the connection without answering', async () => {
		server.failNext('/echo/:name', faults.drop());
		const error = await client.post(`${server.url}/echo/x`, {}).catch((e: AxiosError) => e);
		expect(axios.isAxiosError(error)).toBe(true);
		expect((error as AxiosError).code).toMatch(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE/);
		expect(server.requests[0].fault).toBe('drop');
	});

	it('lets the route do its work, then loses or replaces its answer with an "after" fault', async () => {
		const done: string[] = [];
		server.route('POST', '/work/:name', (request) => {
			done.push(request.params.name);
			return { json: { ok: true } };
		});
		server.failNext('/work/:name', faults.dropAfter());
		server.failNext('/work/:name', faults.respondAfter(502, { error: 'Bad Gateway' }));
		const dropped = await client.post(`${server.url}/work/a`, {}).catch((e: AxiosError) => e);
		expect(axios.isAxiosError(dropped)).toBe(true);
		const replaced = await client
			.post(`${server.url}/work/b`, {}, { validateStatus: () => true })
			.catch((e: AxiosError) => e);
		expect((replaced as { status: number }).status).toBe(502);
		expect(done).toEqual(['a', 'b']);
		expect(server.requests.map((r) => r.fault)).toEqual(['drop after', 'respond 502 after']);
	});

	it('answers slowly with a delay fault', async () => {
		server.failNext('/echo/:name', faults.delay(300));
		const started = Date.now();
		const answer = await client.post(`${server.url}/echo/slow`, { a: 1 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(answer.data).toEqual({ name: 'slow', body: { a: 1 } });
	});

	it('hangs until the client gives up', async () => {
		server.failNext('/echo/:name', faults.hang());
		const error = await client
			.post(`${server.url}/echo/x`, {}, { timeout: 200 })
			.catch((e: AxiosError) => e);
		expect((error as AxiosError).code).toBe('ECONNABORTED');
	});

	it('waits for requests instead of sleeping, and times out with a clear message', async () => {
		const waiting = server.waitForRequests('POST /echo/:name', 2, 2000);
		setTimeout(() => void client.post(`${server.url}/echo/a`, {}), 20);
		setTimeout(() => void client.post(`${server.url}/echo/b`, {}), 40);
		const requests = await waiting;
		expect(requests.map((r) => r.params.name)).toEqual(['a', 'b']);
		await expect(server.waitForRequests('/never', 1, 50)).rejects.toThrow(/Timed out after 50 ms/);
	});

	it('keeps at most maxRecorded requests', async () => {
		for (let i = 0; i < 55; i++) await client.get(`${server.url}/items/${i}`);
		expect(server.requests).toHaveLength(50);
		expect(server.requests[0].path).toBe('/items/5');
	});

	it('rate limits per key with the provider 429 shape', async () => {
		const limited = new FakeServer();
		await limited.start();
		try {
			limited.route('POST', '/send', () => ({ json: { ok: true } }));
			limited.addRateLimit(
				[
					{
						name: 'per-user',
						limit: 2,
						windowMs: 60_000,
						key: (r) => String((r.body as { user?: string }).user),
					},
				],
				(verdict) => ({
					status: 429,
					json: { error: 'slow down', retry_after: verdict.retryAfterSeconds },
				}),
			);
			const send = async (user: string) => await client.post(`${limited.url}/send`, { user });
			expect((await send('a')).status).toBe(200);
			expect((await send('a')).status).toBe(200);
			const third = await send('a');
			expect(third.status).toBe(429);
			expect(third.data.retry_after).toBeGreaterThanOrEqual(59);
			expect((await send('b')).status).toBe(200);
		} finally {
			await limited.stop();
		}
	});

	it('delivers a webhook and returns the status and parsed body', async () => {
		const receiver = new FakeServer();
		await receiver.start();
		try {
			receiver.route('POST', '/webhook/abc', (request) => ({
				status: 201,
				json: { got: request.json },
			}));
			const delivery = await deliverWebhook(
				`${receiver.url}/webhook/abc`,
				{ x: 1 },
				{ 'X-Secret': 's' },
			);
			expect(delivery.status).toBe(201);
			expect(delivery.body).toEqual({ got: { x: 1 } });
			expect(receiver.lastRequest()?.headers['x-secret']).toBe('s');
		} finally {
			await receiver.stop();
		}
	});
});
