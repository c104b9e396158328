import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** What a dedupe or once-per-dialog decision reads and writes. RecentMap is one (per process). */
export interface KeyValueMemory<V> {
	get(key: string): V | undefined;
	set(key: string, value: V): void;
	delete(key: string): void;
}

/** One stored entry: when it was written (seconds) and its value. Small on purpose: it is JSON in the database. */
export type StoredEntry = [atSeconds: number, value: string | true];

/** Keys are stored as a 20-hex-digit SHA-256 prefix: fixed size, no customer ids in plain text. */
export function storedKey(key: string): string {
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
 * This process's own recent writes to static data, per workflow node and field. n8n saves the
 * whole static data object and the last save wins, so a write can be lost to another delivery's
 * save of the same moment (measured under load: docs/architecture.md, "Queue mode"). The next
 * write of this process puts its own lost writes back, newest first per key. Per process and
 * bounded on purpose: it repairs the last moments, and a miss (after a restart) only leaves the
 * window as it was.
 */
export class OwnWrites {
	private readonly scopes = new Map<string, Map<string, StoredEntry>>();

	constructor(
		private readonly maxPerScope: number,
		private readonly maxScopes = 200,
	) {}

	remember(scope: string, id: string, entry: StoredEntry): void {
		let writes = this.scopes.get(scope);
		if (!writes) {
			if (this.scopes.size >= this.maxScopes) this.scopes.delete(this.scopes.keys().next().value!);
			writes = new Map();
			this.scopes.set(scope, writes);
		}
		writes.delete(id); // re-inserted last: the Map's order is the age order
		writes.set(id, entry);
		if (writes.size > this.maxPerScope) writes.delete(writes.keys().next().value!);
	}

	forget(scope: string, id: string): void {
		this.scopes.get(scope)?.delete(id);
	}

	of(scope: string): ReadonlyMap<string, StoredEntry> {
		return this.scopes.get(scope) ?? new Map();
	}

	clear(): void {
		this.scopes.clear();
	}
}

/** Where a StaticDataMap logs its own writes: the process-wide log and this map's place in it. */
export interface OwnWritesLog {
	log: OwnWrites;
	/** Workflow, node and field: the log is per process, shared by every workflow in it. */
	scope: string;
}

/**
 * A bounded, expiring map inside workflow static data, which n8n keeps in its database and
 * shares between processes: a production webhook loads it per request and saves it, if changed,
 * a few milliseconds after the trigger answered (docs/architecture.md, "Queue mode"). n8n saves
 * the whole object and the last save wins, so two deliveries changing it at the same moment can
 * lose one change; with an `OwnWritesLog`, this process's next write puts its lost ones back.
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
		private readonly own?: OwnWritesLog,
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
		const entry: StoredEntry = [Math.floor(this.now() / 1000), value];
		this.own?.log.remember(this.own.scope, id, entry);
		this.store[this.field] = this.rebuilt(new Map([...this.lostOwnWrites(), [id, entry]]));
	}

	delete(key: string): void {
		const id = storedKey(key);
		this.own?.log.forget(this.own.scope, id);
		const entries = this.entries();
		if (!entries || !(id in entries)) return;
		this.store[this.field] = this.rebuilt(this.lostOwnWrites(), id);
	}

	/**
	 * Writes back this process's own recent writes that the stored data lacks or holds older
	 * (another delivery's save of the same moment won). Changes nothing when none is missing, so
	 * n8n has nothing to save.
	 */
	restoreOwnWrites(): void {
		const lost = this.lostOwnWrites();
		if (lost.size > 0) this.store[this.field] = this.rebuilt(lost);
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

	/** This process's own writes, still alive, that the stored data lacks or holds older. */
	private lostOwnWrites(): Map<string, StoredEntry> {
		const lost = new Map<string, StoredEntry>();
		const own = this.own?.log.of(this.own.scope);
		if (!own || own.size === 0) return lost;
		const stored = this.entries() ?? {};
		for (const [id, entry] of own) {
			const current = stored[id];
			if (!this.expired(entry) && (!isEntry(current) || current[0] < entry[0])) lost.set(id, entry);
		}
		if (lost.size === 0) return lost;
		// Own writes older than everything a full map still keeps were dropped by its cap, not lost
		// to a save: taking them back would only make the next write drop them again.
		const kept = Object.values(stored).filter(isEntry);
		if (kept.length >= Math.floor(this.maxEntries * 0.9)) {
			const oldestKept = Math.min(...kept.map((entry) => entry[0]));
			for (const [id, entry] of lost) if (entry[0] < oldestKept) lost.delete(id);
		}
		return lost;
	}

	/**
	 * The entries as a new plain object with `upserts` written and `removed` dropped, expired and
	 * malformed entries left out, and the oldest dropped once over the cap (down to 90 % of it, so
	 * the sort is rare). It is assigned as a whole: n8n notices changes through proxies around the
	 * object it loaded, and only a top-level assignment is noticed reliably (n8n 2.x's webhook
	 * process saved no nested change to a static data object it reused).
	 */
	private rebuilt(upserts: ReadonlyMap<string, StoredEntry>, removed?: string): IDataObject {
		let kept = Object.entries(this.entries() ?? {}).filter(
			(pair): pair is [string, StoredEntry] =>
				pair[0] !== removed && !upserts.has(pair[0]) && isEntry(pair[1]) && !this.expired(pair[1]),
		);
		kept.push(...upserts);
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
