import type { IDataObject, INodeTypes } from 'n8n-workflow';
import { ObservableObject, Workflow } from 'n8n-workflow';
import { Workflow as WorkflowV2 } from 'n8n-workflow-v2';

import {
	isDuplicateDelivery,
	LayeredMemory,
	RecentMap,
	StaticDataMap,
} from '../../../../nodes/shared';

const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
function clock(start = 1_764_547_200_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** What n8n hands a node: static data wrapped so that n8n knows whether to save it. */
function observed(data: IDataObject = {}) {
	return ObservableObject.create(data) as IDataObject & { __dataChanged: boolean };
}

describe('StaticDataMap: a bounded memory inside workflow static data', () => {
	it('remembers values by hashed key, as small JSON without the ids in plain text', () => {
		const store: IDataObject = {};
		const map = new StaticDataMap<string>(store, 'dialogs', 10, HOUR);
		map.set('wf|node|thread-4711|operator', 'on');
		expect(map.get('wf|node|thread-4711|operator')).toBe('on');
		expect(map.get('wf|node|thread-4712|operator')).toBeUndefined();
		const json = JSON.stringify(store);
		expect(json).not.toContain('4711');
		expect(json).toMatch(/^\{"dialogs":\{"k[0-9a-f]{20}":\[\d+,"on"\]\}\}$/);
	});

	it('survives a JSON round trip (the database between two processes)', () => {
		const a = new StaticDataMap<true>({}, 'recentMessages', 10, HOUR);
		const storeA: IDataObject = {};
		new StaticDataMap<true>(storeA, 'recentMessages', 10, HOUR).set('m-1', true);
		const storeB = JSON.parse(JSON.stringify(storeA)) as IDataObject;
		expect(new StaticDataMap<true>(storeB, 'recentMessages', 10, HOUR).get('m-1')).toBe(true);
		expect(a.get('m-1')).toBeUndefined();
	});

	it('forgets entries older than its lifetime', () => {
		const time = clock();
		const map = new StaticDataMap<true>({}, 'm', 10, HOUR, time.now);
		map.set('a', true);
		time.advance(HOUR - 1000);
		expect(map.get('a')).toBe(true);
		time.advance(2000);
		expect(map.get('a')).toBeUndefined();
	});

	it('keeps at most maxEntries, dropping the oldest first, and drops expired ones when it writes', () => {
		const time = clock();
		const store: IDataObject = {};
		const map = new StaticDataMap<true>(store, 'm', 3, HOUR, time.now);
		for (const key of ['a', 'b', 'c', 'd']) {
			map.set(key, true);
			time.advance(1000);
		}
		// Over the cap it drops the oldest down to 90 % of it, so that it rarely sorts.
		expect(map.size).toBe(2);
		expect(map.get('a')).toBeUndefined();
		expect(map.get('b')).toBeUndefined();
		expect(map.get('c')).toBe(true);
		expect(map.get('d')).toBe(true);
		time.advance(HOUR);
		map.set('e', true);
		expect(map.size).toBe(1);
	});

	it('changes nothing (so n8n saves nothing) when a value is rewritten unchanged, or an absent key deleted', () => {
		const time = clock();
		const store = observed({ m: {} });
		const map = new StaticDataMap<string>(store, 'm', 10, HOUR, time.now);
		map.set('a', 'on');
		expect(store.__dataChanged).toBe(true);
		store.__dataChanged = false;
		map.set('a', 'on');
		map.delete('b');
		map.get('a');
		expect(store.__dataChanged).toBe(false);
		map.set('a', 'manager-2');
		expect(store.__dataChanged).toBe(true);
		store.__dataChanged = false;
		map.delete('a');
		expect(store.__dataChanged).toBe(true);
	});

	it.each([
		['1.x', Workflow],
		['2.x', WorkflowV2 as unknown as typeof Workflow],
	])(
		'is saved by n8n %s on every change, also when n8n hands the same loaded object to the next request',
		(_major, WorkflowClass) => {
			// n8n 2.x's webhook process reuses the static data object it loaded; n8n saves only when its
			// proxies saw a change, which nested writes into a reused object did not trigger.
			const nodeTypes = {
				getByName: () => ({ description: { properties: [] } }),
				getByNameAndVersion: () => ({ description: { properties: [] } }),
				getKnownTypes: () => ({}),
			} as unknown as INodeTypes;
			const loaded: IDataObject = {};
			const changedFlags = [1, 2, 3].map((request) => {
				const workflow = new WorkflowClass({
					id: 'wf1',
					nodes: [
						{
							id: 'n1',
							name: 'AI answers',
							type: 'x',
							typeVersion: 1,
							position: [0, 0],
							parameters: {},
						},
					],
					connections: {},
					active: true,
					nodeTypes,
					staticData: loaded,
				});
				const node = workflow.getStaticData('node', workflow.getNode('AI answers')!);
				new StaticDataMap<true>(node, 'recentMessages', 10, HOUR).set(`message-${request}`, true);
				return (workflow.staticData as { __dataChanged?: boolean }).__dataChanged;
			});
			expect(changedFlags).toEqual([true, true, true]);
		},
	);

	it('refreshes an unchanged value once half its lifetime has passed, so a long dialog is not forgotten', () => {
		const time = clock();
		const map = new StaticDataMap<string>({}, 'm', 10, HOUR, time.now);
		map.set('a', 'on');
		time.advance(HOUR / 2 + 1000);
		map.set('a', 'on');
		time.advance(HOUR / 2 + 1000);
		expect(map.get('a')).toBe('on');
	});

	it('ignores malformed stored data instead of failing', () => {
		const store: IDataObject = { m: { kx: 'garbage', ky: [1] } };
		const map = new StaticDataMap<true>(store, 'm', 10, HOUR);
		expect(map.get('a')).toBeUndefined();
		map.set('a', true);
		expect(map.size).toBe(1);
		expect(new StaticDataMap<true>({ m: 'not an object' }, 'm', 10, HOUR).get('a')).toBeUndefined();
	});
});

describe('LayeredMemory: a per-process fast path in front of the shared memory', () => {
	it('answers from the shared memory when this process has not seen the key, and learns it', () => {
		const fast = new RecentMap<true>(10, HOUR);
		const shared = new StaticDataMap<true>({}, 'm', 10, HOUR);
		shared.set('scope|42', true);
		const memory = new LayeredMemory(fast, shared);
		expect(isDuplicateDelivery(memory, 'scope', '42')).toBe(true);
		expect(fast.get('scope|42')).toBe(true);
	});

	it('writes a new key to both', () => {
		const fast = new RecentMap<true>(10, HOUR);
		const store: IDataObject = {};
		const memory = new LayeredMemory(fast, new StaticDataMap<true>(store, 'm', 10, HOUR));
		expect(isDuplicateDelivery(memory, 'scope', '43')).toBe(false);
		expect(fast.get('scope|43')).toBe(true);
		expect(new StaticDataMap<true>(store, 'm', 10, HOUR).get('scope|43')).toBe(true);
		memory.delete('scope|43');
		expect(memory.get('scope|43')).toBeUndefined();
	});
});
