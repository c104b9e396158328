import type { IDataObject } from 'n8n-workflow';

import { LayeredMemory, RecentMap, StaticDataMap } from '../../../../nodes/shared';

const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand, on a whole second (entries are stored in seconds). */
function clock(start = 1_764_547_200_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** The one stored entry of a map that holds one key. */
function onlyEntry(store: IDataObject, field = 'm'): [string, unknown] {
	const entries = Object.entries(store[field] as IDataObject);
	expect(entries).toHaveLength(1);
	return entries[0];
}

describe('StaticDataMap at its edges', () => {
	it.each<[string, unknown]>([
		['a time that is not a number', ['1764547200', true]],
		['a value that is neither text nor true', [1_764_547_200, 1]],
	])('does not count a stored entry with %s as remembered', (_label, entry) => {
		const store: IDataObject = {};
		const map = new StaticDataMap<true>(store, 'm', 10, HOUR, clock().now);
		map.set('a', true);
		const [id] = onlyEntry(store);
		(store.m as IDataObject)[id] = entry as IDataObject;
		expect(map.get('a')).toBeUndefined();
	});

	it.each<[string, unknown]>([
		['text', 'abc'],
		['a list', [[1_764_547_200, true]]],
	])('counts no entries when the stored field is %s', (_label, value) => {
		const map = new StaticDataMap<true>({ m: value as IDataObject }, 'm', 10, HOUR);
		expect(map.size).toBe(0);
	});

	it('still has an entry exactly one lifetime old, and not a millisecond later', () => {
		const time = clock();
		const map = new StaticDataMap<true>({}, 'm', 10, HOUR, time.now);
		map.set('a', true);
		time.advance(HOUR);
		expect(map.get('a')).toBe(true);
		time.advance(1);
		expect(map.get('a')).toBeUndefined();
	});

	it('rewrites an unchanged value once exactly half its lifetime has passed', () => {
		const time = clock();
		const store: IDataObject = {};
		const map = new StaticDataMap<true>(store, 'm', 10, 4000, time.now);
		map.set('a', true);
		time.advance(1999);
		map.set('a', true);
		expect(onlyEntry(store)[1]).toEqual([1_764_547_200, true]);
		time.advance(1);
		map.set('a', true);
		expect(onlyEntry(store)[1]).toEqual([1_764_547_202, true]);
	});

	it('keeps every entry while it holds exactly maxEntries', () => {
		const time = clock();
		const map = new StaticDataMap<true>({}, 'm', 5, HOUR, time.now);
		for (const key of ['a', 'b', 'c', 'd', 'e']) {
			map.set(key, true);
			time.advance(1000);
		}
		expect(map.size).toBe(5);
		for (const key of ['a', 'b', 'c', 'd', 'e']) expect(map.get(key)).toBe(true);
	});

	it('drops the oldest by their time, not by where the database put them', () => {
		const time = clock();
		const store: IDataObject = {};
		const map = new StaticDataMap<true>(store, 'm', 3, HOUR, time.now);
		for (const key of ['old', 'middle', 'new']) {
			map.set(key, true);
			time.advance(1000);
		}
		// PostgreSQL's jsonb keeps keys in its own order: here the newest comes first.
		store.m = Object.fromEntries(Object.entries(store.m as IDataObject).reverse());
		map.set('newest', true);
		expect(map.get('old')).toBeUndefined();
		expect(map.get('middle')).toBeUndefined();
		expect(map.get('new')).toBe(true);
		expect(map.get('newest')).toBe(true);
	});
});

describe('LayeredMemory at its edges', () => {
	it("answers from this process's memory without asking the shared one", () => {
		const fast = new RecentMap<true>(10, HOUR);
		const shared = new StaticDataMap<true>({}, 'm', 10, HOUR);
		const sharedGet = jest.spyOn(shared, 'get');
		fast.set('scope|1', true);
		expect(new LayeredMemory(fast, shared).get('scope|1')).toBe(true);
		expect(sharedGet).not.toHaveBeenCalled();
	});
});
