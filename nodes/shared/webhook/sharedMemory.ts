import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** What a dedupe or once-per-dialog decision reads and writes. RecentMap is one (per process). */
export interface KeyValueMemory<V> {
	get(key: string): V | undefined;
	set(key: string, value: V): void;
	delete(key: string): void;
}

/** One stored entry: when it was written (seconds) and its value. Small on purpose: it is JSON in the database. */
type StoredEntry = [atSeconds: number, value: string | true];

/** Keys are stored as a 20-hex-digit SHA-256 prefix: fixed size, no customer ids in plain text. */
function storedKey(key: string): string {
	return `k${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 20)}`;
}

function isEntry(value: unknown): value is StoredEntry {
	return (
		Array.isArray(value) &&
		typeof value[0] === 'number' &&
		(typeof value[1] === 'string' || value[1] === true)
	);
}

/**
 * A bounded, expiring map inside workflow static data, which n8n keeps in its database and
 * shares between processes: a production webhook loads it per request and saves it, if changed,
 * after the trigger answered; n8n 2.41 drops it when the delivery starts a run (docs/architecture.md,
 * "Queue mode"; issue #13). n8n saves the whole object and the last
 * writer wins, so two processes changing it at the same moment can lose one change.
 *
 * Only real changes touch the object (n8n saves only then): rewriting an unchanged value that is
 * younger than half its lifetime is skipped, so a flag that stays on costs no write.
 */
export class StaticDataMap<V extends string | true> implements KeyValueMemory<V> {
	constructor(
		private readonly store: IDataObject,
		private readonly field: string,
		private readonly maxEntries: number,
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	get(key: string): V | undefined {
		const entry = this.entries()?.[storedKey(key)];
		if (!isEntry(entry) || this.expired(entry)) return undefined;
		return entry[1] as V;
	}

	set(key: string, value: V): void {
		const id = storedKey(key);
		const existing = this.entries()?.[id];
		if (
			isEntry(existing) &&
			existing[1] === value &&
			this.now() - existing[0] * 1000 < this.ttlMs / 2
		)
			return;
		this.store[this.field] = this.rebuilt(id, [Math.floor(this.now() / 1000), value]);
	}

	delete(key: string): void {
		const id = storedKey(key);
		const entries = this.entries();
		if (!entries || !(id in entries)) return;
		this.store[this.field] = this.rebuilt(id);
	}

	get size(): number {
		return Object.keys(this.entries() ?? {}).length;
	}

	private entries(): IDataObject | undefined {
		const entries = this.store[this.field];
		return typeof entries === 'object' && entries !== null && !Array.isArray(entries)
			? (entries as IDataObject)
			: undefined;
	}

	/**
	 * The entries as a new plain object, `id` replaced by `entry` (or dropped), expired and
	 * malformed entries left out, and the oldest dropped once over the cap (down to 90 % of it, so
	 * the sort is rare). It is assigned as a whole: n8n notices changes through proxies around the
	 * object it loaded, and only a top-level assignment is noticed reliably (n8n 2.x's webhook
	 * process saved no nested change to a static data object it reused).
	 */
	private rebuilt(id: string, entry?: StoredEntry): IDataObject {
		let kept = Object.entries(this.entries() ?? {}).filter(
			(pair): pair is [string, StoredEntry] =>
				pair[0] !== id && isEntry(pair[1]) && !this.expired(pair[1]),
		);
		if (entry) kept.push([id, entry]);
		if (kept.length > this.maxEntries) {
			// The database may not keep key order (PostgreSQL jsonb), so age decides, not position.
			kept = kept
				.sort((a, b) => a[1][0] - b[1][0])
				.slice(kept.length - Math.max(1, Math.floor(this.maxEntries * 0.9)));
		}
		return Object.fromEntries(kept);
	}

	private expired(entry: StoredEntry): boolean {
		return this.now() - entry[0] * 1000 > this.ttlMs;
	}
}

/**
 * A per-process memory in front of a shared one, for facts that never change once true (a
 * delivery id was seen): a hit in the fast memory saves nothing but a lookup, and a miss there is
 * harmless because the shared memory decides. Not for values that can change back and forth
 * (a dialog's flags): another process may have changed them since this one last looked.
 */
export class LayeredMemory<V> implements KeyValueMemory<V> {
	constructor(
		private readonly fast: KeyValueMemory<V>,
		private readonly shared: KeyValueMemory<V>,
	) {}

	get(key: string): V | undefined {
		const known = this.fast.get(key);
		if (known !== undefined) return known;
		const stored = this.shared.get(key);
		if (stored !== undefined) this.fast.set(key, stored);
		return stored;
	}

	set(key: string, value: V): void {
		this.fast.set(key, value);
		this.shared.set(key, value);
	}

	delete(key: string): void {
		this.fast.delete(key);
		this.shared.delete(key);
	}
}
