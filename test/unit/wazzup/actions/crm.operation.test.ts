import { FakeWazzup } from '../../../fakes/wazzup';
import { useFakeProvider } from '../../../helpers';
import { CLIENT, KEY, actionNode } from '../support';

describe('Wazzup contacts, deals, users, unanswered count and chat window against the fake', () => {
	const wazzup = useFakeProvider(new FakeWazzup({ sidecarKeys: ['sidecar-key'] }));

	it('creates or updates 250 contacts in batches of 100, then pages through them', async () => {
		const contacts = Array.from({ length: 250 }, (_, i) => ({ id: `c${i}`, name: `Client ${i}` }));
		const output = await actionNode(wazzup, {
			resource: 'contact',
			operation: 'upsert',
			entities: JSON.stringify(contacts),
		}).execute();
		expect(output?.[0][0].json).toMatchObject({ ok: true, count: 250 });
		expect(wazzup.requestsTo('POST /v3/contacts').map((r) => (r.body as unknown[]).length)).toEqual(
			[100, 100, 50],
		);
		const all = await actionNode(wazzup, {
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		}).execute();
		expect((all?.[0][0].json.contacts as unknown[]).length).toBe(250);
		expect(wazzup.requestsTo('GET /v3/contacts').map((r) => r.query.offset)).toEqual([
			'0',
			'100',
			'200',
		]);
		const some = await actionNode(wazzup, {
			resource: 'contact',
			operation: 'getMany',
			limit: 5,
		}).execute();
		expect(some?.[0][0].json.count).toBe(5);
	});

	it('refuses an entity without an id before calling Wazzup', async () => {
		await expect(
			actionNode(wazzup, {
				resource: 'deal',
				operation: 'upsert',
				entities: '[{"name":"no id"}]',
			}).execute(),
		).rejects.toThrow(/has no "id"/);
		expect(wazzup.requests).toHaveLength(0);
	});

	it('gets and deletes a deal and a user', async () => {
		await actionNode(wazzup, {
			resource: 'deal',
			operation: 'upsert',
			entities: '{"id":"d1","name":"Order 42"}',
		}).execute();
		const deal = await actionNode(wazzup, {
			resource: 'deal',
			operation: 'get',
			id: 'd1',
		}).execute();
		expect(deal?.[0][0].json).toEqual({ id: 'd1', name: 'Order 42' });
		await actionNode(wazzup, { resource: 'deal', operation: 'delete', id: 'd1' }).execute();
		expect(wazzup.crm.deals.size).toBe(0);

		await actionNode(wazzup, {
			resource: 'user',
			operation: 'upsert',
			entities: '[{"id":"u1","name":"Anna"}]',
		}).execute();
		const users = await actionNode(wazzup, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
		}).execute();
		expect(users?.[0][0].json.users).toEqual([{ id: 'u1', name: 'Anna' }]);
	});

	it("reads a manager's unanswered count", async () => {
		wazzup.unanswered.set('u1', 3);
		const output = await actionNode(wazzup, {
			resource: 'unanswered',
			operation: 'get',
			crmUserId: 'u1',
		}).execute();
		expect(output?.[0][0].json).toEqual({ crmUserId: 'u1', counterV2: 3 });
	});

	it('gets a chat window link for the conversation of the item', async () => {
		const output = await actionNode(wazzup, {
			resource: 'chatWindow',
			operation: 'get',
			crmUserId: 'u1',
			crmUserName: 'Anna',
		}).execute([{ json: { conversation: { key: KEY } } }]);
		expect(output?.[0][0].json.url).toMatch(/^https:\/\/app\.wazzup24\.com\/iframe\//);
		expect(wazzup.lastRequest('POST /v3/iframe')?.body).toEqual({
			user: { id: 'u1', name: 'Anna' },
			scope: 'card',
			filter: [{ chatType: 'whatsapp', chatId: CLIENT }],
			activeChat: { chatType: 'whatsapp', chatId: CLIENT },
		});
	});

	it('a sidecar key reaches channels but not contacts', async () => {
		const channels = await actionNode(
			wazzup,
			{ resource: 'channel', operation: 'getMany' },
			{ apiKey: 'sidecar-key' },
		).execute();
		expect(channels?.[0][0].json.count).toBe(4);
		await expect(
			actionNode(
				wazzup,
				{ resource: 'contact', operation: 'get', id: 'c1' },
				{ apiKey: 'sidecar-key' },
			).execute(),
		).rejects.toMatchObject({ description: expect.stringMatching(/sidecar/) });
	});
});
