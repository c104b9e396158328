import type { IDataObject, INodeTypes } from 'n8n-workflow';
import { ObservableObject, Workflow } from 'n8n-workflow';
import { Workflow as WorkflowV2 } from 'n8n-workflow-v2';

import {
	isDuplicateDelivery,
	LayeredMemory,
	OwnWrites,
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

describe('OwnWrites: a write lost to a concurrent save comes back with this process’s next one', () => {
	/** What the database holds between deliveries: n8n saves the whole object, the last save wins. */
	const roundTrip = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

	/** One process: its own log, opening the shared field for each delivery like the triggers do. */
	function processWith(time: ReturnType<typeof clock>, scope = 'wf|node|m') {
		const log = new OwnWrites(50);
		return (loaded: IDataObject, max = 100) =>
			new StaticDataMap<string>(loaded, 'm', max, HOUR, time.now, { log, scope });
	}

	it('puts back its own write that another process saved over, on its next write or on opening', () => {
		const time = clock();
		const [a, b] = [processWith(time), processWith(time)];
		let database: IDataObject = {};
		// A and B load the same data at the same moment; B's save lands last.
		const loadedA = roundTrip(database);
		const loadedB = roundTrip(database);
		a(loadedA).set('m-1', 'seen');
		b(loadedB).set('m-2', 'seen');
		database = roundTrip(loadedB);
		expect(a(roundTrip(database)).get('m-1')).toBeUndefined();

		// A's next delivery writes something else: m-1 is written back with it.
		const next = roundTrip(database);
		a(next).set('m-3', 'seen');
		database = roundTrip(next);
		const shared = a(roundTrip(database));
		expect(['m-1', 'm-2', 'm-3'].map((key) => shared.get(key))).toEqual(['seen', 'seen', 'seen']);

		// A delivery that writes nothing (a duplicate) repairs too, and only when something is missing.
		b(roundTrip(database)).set('m-4', 'seen');
		const lostAgain = roundTrip(database); // B's save of m-4 lost to this older copy
		const opened = observed(lostAgain);
		a(opened).restoreOwnWrites();
		expect(opened.__dataChanged).toBe(false);
		const openedByB = observed(roundTrip(lostAgain));
		b(openedByB).restoreOwnWrites();
		expect(openedByB.__dataChanged).toBe(true);
		expect(b(openedByB).get('m-4')).toBe('seen');
	});

	it('keeps the newer value when the stored one is newer than its own (a flag another process changed since)', () => {
		const time = clock();
		const [a, b] = [processWith(time), processWith(time)];
		const database: IDataObject = {};
		a(database).set('dialog|operator', 'on');
		time.advance(5_000);
		b(database).set('dialog|operator', '-');
		const opened = observed(roundTrip(database));
		a(opened).restoreOwnWrites();
		expect(opened.__dataChanged).toBe(false);
		expect(a(opened).get('dialog|operator')).toBe('-');
	});

	it('does not put back writes of another workflow node, expired writes, or ones it deleted itself', () => {
		const time = clock();
		const log = new OwnWrites(50);
		const open = (data: IDataObject, scope: string) =>
			new StaticDataMap<string>(data, 'm', 100, HOUR, time.now, { log, scope });
		open({}, 'wf|node|m').set('old', 'seen');
		time.advance(HOUR + 1000);
		open({}, 'wf|other-node|m').set('x', 'seen');
		open({}, 'wf|node|m').set('new', 'seen');
		const deletedHere: IDataObject = {};
		open(deletedHere, 'wf|node|m').set('gone', 'seen');
		open(deletedHere, 'wf|node|m').delete('gone');
		const fresh: IDataObject = {};
		open(fresh, 'wf|node|m').restoreOwnWrites();
		expect(Object.keys((fresh.m as IDataObject) ?? {})).toHaveLength(1);
		expect(open(fresh, 'wf|node|m').get('new')).toBe('seen');
		expect(open(fresh, 'wf|other-node|m').get('x')).toBeUndefined();
	});

	it('remembers only its last writes per scope, and does not fight the cap of a full map', () => {
		const time = clock();
		const log = new OwnWrites(3);
		const open = (data: IDataObject, max = 100) =>
			new StaticDataMap<string>(data, 'm', max, HOUR, time.now, { log, scope: 's' });
		for (const key of ['a', 'b', 'c', 'd']) {
			open({}).set(key, 'seen');
			time.advance(1000);
		}
		const fresh: IDataObject = {};
		open(fresh).restoreOwnWrites();
		expect(['a', 'b', 'c', 'd'].map((key) => open(fresh).get(key))).toEqual([
			undefined,
			'seen',
			'seen',
			'seen',
		]);
		// A full map whose oldest entry is newer than this process's writes: those were dropped by the
		// cap, not lost to a save, so they stay dropped (and opening it changes nothing).
		const full: IDataObject = {
			m: Object.fromEntries(
				Array.from({ length: 9 }, (_, i) => [`k${i}`, [Math.floor(time.now() / 1000), 'x']]),
			),
		};
		const opened = observed(full);
		open(opened, 10).restoreOwnWrites();
		expect(opened.__dataChanged).toBe(false);
	});
});
