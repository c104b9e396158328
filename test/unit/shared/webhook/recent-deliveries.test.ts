import { isDuplicateDelivery, RecentMap } from '../../../../nodes/shared';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RecentMap', () => {
	it('returns what was set, and undefined for what was not', () => {
		const map = new RecentMap<string>(10, 1000);
		map.set('a', 'one');
		expect(map.get('a')).toBe('one');
		expect(map.get('b')).toBeUndefined();
		expect(map.size).toBe(1);
	});

	it('keeps an entry up to exactly its time to live, and forgets it one millisecond later', () => {
		const clock = manualClock();
		const map = new RecentMap<string>(10, 1000, clock.now);
		map.set('a', 'one');
		clock.advance(1000);
		expect(map.get('a')).toBe('one');
		clock.advance(1);
		expect(map.get('a')).toBeUndefined();
		// An expired entry is removed, not only hidden.
		expect(map.size).toBe(0);
	});

	it('restarts the time to live when a key is set again', () => {
		const clock = manualClock();
		const map = new RecentMap<string>(10, 1000, clock.now);
		map.set('a', 'one');
		clock.advance(800);
		map.set('a', 'two');
		clock.advance(800);
		expect(map.get('a')).toBe('two');
	});

	it('holds at most maxEntries, dropping the oldest first', () => {
		const map = new RecentMap<number>(3, 60_000);
		for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, i);
		expect(map.size).toBe(3);
		expect(map.get('a')).toBeUndefined();
		expect(map.get('b')).toBeUndefined();
		expect([map.get('c'), map.get('d'), map.get('e')]).toEqual([2, 3, 4]);
	});

	it('keeps exactly maxEntries without dropping any', () => {
		const map = new RecentMap<number>(3, 60_000);
		map.set('a', 1);
		map.set('b', 2);
		map.set('c', 3);
		expect(map.size).toBe(3);
		expect(map.get('a')).toBe(1);
	});

	it('counts a key set again as the newest, so it outlives keys set after it first', () => {
		const map = new RecentMap<number>(2, 60_000);
		map.set('a', 1);
		map.set('b', 2);
		map.set('a', 3);
		map.set('c', 4);
		expect(map.get('a')).toBe(3);
		expect(map.get('b')).toBeUndefined();
		expect(map.size).toBe(2);
	});

	it('forgets one key on delete and every key on clear', () => {
		const map = new RecentMap<number>(10, 60_000);
		map.set('a', 1);
		map.set('b', 2);
		map.delete('a');
		expect(map.get('a')).toBeUndefined();
		expect(map.get('b')).toBe(2);
		expect(map.size).toBe(1);
		map.clear();
		expect(map.get('b')).toBeUndefined();
		expect(map.size).toBe(0);
	});

	it('uses the real clock by default', () => {
		const spy = jest.spyOn(Date, 'now');
		try {
			const map = new RecentMap<number>(10, 1000);
			spy.mockReturnValue(5_000);
			map.set('a', 1);
			spy.mockReturnValue(6_001);
			expect(map.get('a')).toBeUndefined();
		} finally {
			spy.mockRestore();
		}
	});
});

describe('isDuplicateDelivery', () => {
	it('lets the first delivery through and drops a repeat of it', () => {
		const memory = new RecentMap<true>(10, 60_000);
		expect(isDuplicateDelivery(memory, 'node1', 'm1')).toBe(false);
		expect(isDuplicateDelivery(memory, 'node1', 'm1')).toBe(true);
		expect(isDuplicateDelivery(memory, 'node1', 'm1')).toBe(true);
	});

	it('tells apart deliveries with different ids, and the same id in different scopes', () => {
		const memory = new RecentMap<true>(10, 60_000);
		expect(isDuplicateDelivery(memory, 'node1', 'm1')).toBe(false);
		expect(isDuplicateDelivery(memory, 'node1', 'm2')).toBe(false);
		expect(isDuplicateDelivery(memory, 'node2', 'm1')).toBe(false);
		expect(memory.size).toBe(3);
	});

	it('remembers a delivery under "scope|id"', () => {
		const memory = new RecentMap<true>(10, 60_000);
		isDuplicateDelivery(memory, 'scope', 'id');
		expect(memory.get('scope|id')).toBe(true);
	});

	it.each([undefined, ''])('never drops a delivery without an id (%j), nor remembers it', (id) => {
		const memory = new RecentMap<true>(10, 60_000);
		expect(isDuplicateDelivery(memory, 'node1', id)).toBe(false);
		expect(isDuplicateDelivery(memory, 'node1', id)).toBe(false);
		expect(memory.size).toBe(0);
	});

	it('lets a repeat through once the window has passed', () => {
		const clock = manualClock();
		const memory = new RecentMap<true>(10, 1000, clock.now);
		expect(isDuplicateDelivery(memory, 's', 'm1')).toBe(false);
		clock.advance(1001);
		expect(isDuplicateDelivery(memory, 's', 'm1')).toBe(false);
		expect(isDuplicateDelivery(memory, 's', 'm1')).toBe(true);
	});
});
