import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Omnidesk } from '../../../nodes/Omnidesk/Omnidesk.node';
import { listItems } from '../../../nodes/Omnidesk/transport';
import { faults } from '../../fakes/fake-server';
import { makeCase } from '../../fakes/omnidesk';
import { fixture, omnideskHarness, useOmnidesk } from './setup';

const KEY_ITEM: INodeExecutionData = { json: { conversation: { key: 'omnidesk:2001' } } };

describe('Omnidesk action node against the fake Omnidesk', () => {
	const desk = useOmnidesk();
	const run = async (
		parameters: Record<string, unknown>,
		items: INodeExecutionData[] = [KEY_ITEM],
		continueOnFail = false,
	) => {
		const output = await omnideskHarness(desk, new Omnidesk(), parameters, {
			continueOnFail,
		}).execute(items);
		return (output?.[0] ?? []).map((item) => item.json);
	};
	const bodyOf = (path: RegExp) => desk.lastRequest(path)?.json as IDataObject;

	describe('Message: add to case', () => {
		it('replies as the credential staff member in the case of the incoming conversation key', async () => {
			const [out] = await run({ resource: 'message', operation: 'add', text: 'Hello from AI' });
			expect(bodyOf(/messages\.json$/)).toEqual({ message: { content: 'Hello from AI' } });
			const [added] = desk.addedTo(2001);
			expect(added).toMatchObject({ content: 'Hello from AI', staff_id: 41094, note: false });
			expect(out).toMatchObject({ ok: true, caseRef: '2001', message_id: added.message_id });
		});

		it('writes as the client (the case user by default), with attachment URLs and without email', async () => {
			await run({
				resource: 'message',
				operation: 'add',
				chatId: '664-245652',
				text: '<b>Photo</b>',
				author: 'user',
				options: {
					attachmentUrls: 'https://files.example/a.png\nhttps://files.example/b.pdf',
					doNotSendEmail: true,
					format: 'html',
				},
			});
			expect(bodyOf(/messages\.json$/)).toEqual({
				message: {
					content_html: '<b>Photo</b>',
					attachment_urls: ['https://files.example/a.png', 'https://files.example/b.pdf'],
					do_not_send_email: true,
					user_id: 456,
				},
			});
			expect(desk.addedTo(2001)[0]).toMatchObject({ user_id: 456, staff_id: 0 });
			expect(desk.addedTo(2001)[0].attachments.map((file) => file.file_name)).toEqual([
				'a.png',
				'b.pdf',
			]);
		});

		it('never repeats a message after a 5xx (it may have arrived) and reports it per item', async () => {
			desk.failNext(/messages\.json$/, faults.respond(502, { error: 'bad_gateway' }));
			const out = await run(
				{ resource: 'message', operation: 'add', text: 'once' },
				[KEY_ITEM, KEY_ITEM],
				true,
			);
			expect(desk.requestsTo(/messages\.json$/)).toHaveLength(2);
			expect(out[0].error).toMatch(/Omnidesk answered 502/);
			expect(out[1]).toMatchObject({ ok: true });
		});

		it('refuses a key of another channel and an empty text, naming the field', async () => {
			const [other] = await run(
				{ resource: 'message', operation: 'add', text: 'x' },
				[{ json: { conversation: { key: 'telegram:1:2' } } }],
				true,
			);
			expect(other.error).toMatch(/belongs to telegram/);
			const [empty] = await run(
				{ resource: 'message', operation: 'add', text: ' ' },
				undefined,
				true,
			);
			expect(empty.error).toMatch(/Text is empty/);
			expect(desk.requestsTo(/messages\.json$/)).toHaveLength(0);
		});
	});

	it('Message: gets many, newest first, over pages', async () => {
		for (let n = 1; n <= 5; n++) desk.addClientMessage(2001, `m${n}`);
		const out = await run({
			resource: 'message',
			operation: 'getMany',
			order: 'desc',
			limit: 3,
		});
		expect(out.map((message) => message.content)).toEqual(['m5', 'm4', 'm3']);
	});

	it('Note: adds an internal note under the "note" key', async () => {
		const [out] = await run({ resource: 'note', operation: 'add', text: 'AI summary' });
		expect(bodyOf(/note\.json$/)).toEqual({ note: { content: 'AI summary' } });
		expect(desk.addedTo(2001)[0]).toMatchObject({ note: true, content: 'AI summary' });
		expect(out.ok).toBe(true);
	});

	describe('Case: hand over to humans', () => {
		const handOver = {
			resource: 'case',
			operation: 'handOver',
			botLabel: 'ai-handled',
			groupId: '44',
			note: 'Client asks for a refund',
		};

		beforeEach(() => {
			desk.caseOf(2001).labels = [101, 104];
		});

		it('removes the bot label, sets the group, adds the note; a second run changes nothing and says so', async () => {
			const [first] = await run(handOver);
			expect(first).toMatchObject({
				handedOver: true,
				changes: ['removed label 104', 'group 55 → 44'],
			});
			expect(desk.caseOf(2001)).toMatchObject({ labels: [101], group_id: 44 });
			expect(desk.addedTo(2001)).toHaveLength(1);
			const puts = desk.requestsTo((request) => request.method === 'PUT');
			expect(puts).toHaveLength(1);

			const [second] = await run(handOver);
			expect(second).toMatchObject({ handedOver: false, alreadyHandedOver: true, changes: [] });
			expect(desk.requestsTo((request) => request.method === 'PUT')).toHaveLength(1);
			expect(desk.addedTo(2001)).toHaveLength(1);
		});

		it('asks for something to do when every target is empty', async () => {
			const [out] = await run({ resource: 'case', operation: 'handOver' }, undefined, true);
			expect(out.error).toMatch(/Nothing to hand over/);
		});
	});

	describe('Case: get, get many, create, update', () => {
		it('gets a case by id, by case number and by conversation key', async () => {
			const [byNumber] = await run({ resource: 'case', operation: 'get', chatId: '664-245651' });
			expect(byNumber).toMatchObject({ case_id: 2000, case_number: '664-245651' });
			const [byKey] = await run({ resource: 'case', operation: 'get' });
			expect(byKey.case_id).toBe(2001);
			const missing = await run(
				{ resource: 'case', operation: 'get', chatId: '99' },
				undefined,
				true,
			);
			expect(missing[0].error).toMatch(/Omnidesk answered 404/);
		});

		it('reads every page of a keyed-object list up to total_count', async () => {
			for (let id = 3000; id < 3150; id++)
				desk.cases.push(makeCase({ case_id: id, status: 'open' }));
			const all = await run({
				resource: 'case',
				operation: 'getMany',
				returnAll: true,
				filters: { status: ['open'] },
			});
			expect(all).toHaveLength(151);
			const pages = desk.requestsTo(/cases\.json$/);
			expect(pages.map((request) => request.query.page)).toEqual(['1', '2']);
			expect(pages[0].url).toContain('status[]=open');
			const some = await run({ resource: 'case', operation: 'getMany', limit: 3 });
			expect(some.map((kase) => kase.case_id)).toEqual([3149, 3148, 3147]);
		});

		it('filters by labels given as titles, group, staff and dates', async () => {
			const out = await run({
				resource: 'case',
				operation: 'getMany',
				filters: {
					labelIds: ['vip'],
					groupId: '44',
					staffId: '22',
					createdAfter: '2014-05-01T00:00:00Z',
				},
			});
			expect(out.map((kase) => kase.case_id)).toEqual([2000]);
			const query = desk.lastRequest(/cases\.json$/)?.query ?? {};
			expect(query).toMatchObject({
				labels: '101',
				group_id: '44',
				staff_id: '22',
				from_time: '1398902400',
			});
		});

		it('creates a case for a client by email', async () => {
			const [created] = await run({
				resource: 'case',
				operation: 'create',
				userEmail: 'new@client.test',
				subject: 'Order',
				content: 'Where is my order?',
				additionalFields: { labelIds: ['104'], customFields: '{"cf_25":"x"}' },
			});
			expect(created).toMatchObject({
				subject: 'Order',
				labels: [104],
				custom_fields: { cf_25: 'x' },
			});
		});

		it('updates status and adds, removes or replaces labels', async () => {
			desk.caseOf(2001).labels = [101];
			await run({
				resource: 'case',
				operation: 'update',
				updateFields: { status: 'waiting' },
				labelsMode: 'add',
				labelIds: ['104', 'bug'],
			});
			expect(desk.caseOf(2001)).toMatchObject({ status: 'waiting', labels: [101, 104, 102] });
			await run({ resource: 'case', operation: 'update', labelsMode: 'remove', labelIds: ['101'] });
			expect(desk.caseOf(2001).labels).toEqual([104, 102]);
			await run({
				resource: 'case',
				operation: 'update',
				labelsMode: 'replace',
				labelIds: ['103'],
			});
			expect(desk.caseOf(2001).labels).toEqual([103]);
			const unknown = await run(
				{ resource: 'case', operation: 'update', labelsMode: 'add', labelIds: ['nope'] },
				undefined,
				true,
			);
			expect(unknown[0].error).toMatch(/no Omnidesk label "nope"/);
		});
	});

	it('Label, Group, Staff: get many', async () => {
		expect(await run({ resource: 'label', operation: 'getMany' })).toHaveLength(5);
		expect(
			(await run({ resource: 'group', operation: 'getMany' })).map((g) => g.group_title),
		).toEqual(['Support', 'Sales']);
		expect(await run({ resource: 'staff', operation: 'getMany', limit: 2 })).toHaveLength(2);
	});

	it('Knowledge base: searches articles and adds plain text for the AI; refuses short text', async () => {
		const out = await run({ resource: 'knowledgeBase', operation: 'search', search: 'refund' });
		expect(out).toEqual([
			expect.objectContaining({
				article_id: 3,
				title: 'Refund policy',
				text: 'Refunds within 14 days of delivery.',
			}),
		]);
		expect(desk.lastRequest(/kb_article/)?.query).toMatchObject({
			search: 'refund',
			language_id: 'all',
		});
		const short = await run(
			{ resource: 'knowledgeBase', operation: 'search', search: 're' },
			undefined,
			true,
		);
		expect(short[0].error).toMatch(/shorter than 3/);
	});

	it('dropdowns list labels, groups and staff by name', async () => {
		const harness = omnideskHarness(desk, new Omnidesk(), {});
		expect((await harness.loadOptions('getLabels')).map((o) => o.name)).toEqual([
			'ai-handled',
			'billing',
			'bug',
			'escalated',
			'vip',
		]);
		expect(await harness.loadOptions('getGroups')).toEqual([
			{ name: 'Sales', value: '55' },
			{ name: 'Support', value: '44' },
		]);
		expect((await harness.loadOptions('getStaff'))[0]).toMatchObject({
			name: 'AI Bot',
			value: '41094',
		});
	});

	describe('rate limits', () => {
		it('waits out a 429 with retry_after and sends once', async () => {
			desk.failNext(
				/messages\.json$/,
				faults.respond(
					429,
					{ error: 'too_many_requests' },
					{ retry_after: '1', api_calls_left: '0' },
				),
			);
			const started = Date.now();
			await run({ resource: 'message', operation: 'add', text: 'after the limit' });
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			expect(desk.addedTo(2001)).toHaveLength(1);
		});

		it('waits before the next call once an answer says no calls are left', async () => {
			desk.failNext(
				/cases\/2001\.json$/,
				faults.respond(200, { case: desk.caseOf(2001) }, { api_calls_left: '0', retry_after: '1' }),
			);
			await run({ resource: 'case', operation: 'get' });
			const [first] = desk.requestsTo(/cases\/2001\.json$/);
			await run({ resource: 'label', operation: 'getMany' });
			const [next] = desk.requestsTo(/labels\.json$/);
			expect(next.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
			expect(desk.requests.filter((request) => request.fault)).toHaveLength(1);
		});
	});

	it('reads the real keyed-object list fixture', () => {
		const { items, totalCount } = listItems(
			fixture('sdk-api-get-case-messages-response'),
			'message',
		);
		expect(items.map((message) => message.message_id)).toEqual([2000, 200198234]);
		expect(totalCount).toBe(17);
	});
});
