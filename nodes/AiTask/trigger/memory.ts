/**
 * Small bounded memories kept per n8n process (DESIGN.md, queue mode): what this process has seen
 * recently. n8n discards workflow static data written inside a webhook() call (the execution
 * reloads it from the database), so a per-process memory is the only store a trigger can write
 * to without an execution; it is best effort by design and documented as such.
 */
export class RecentMap<V> {
	private readonly entries = new Map<string, { value: V; at: number }>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	get(key: string): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (this.now() - entry.at > this.ttlMs) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, { value, at: this.now() });
		while (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next().value as string;
			this.entries.delete(oldest);
		}
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}

/** Message ids already turned into an execution: a redelivery within the window is dropped. */
export const seenMessages = new RecentMap<true>(10_000, 60 * 60 * 1000);

/** Last known state of each dialog's flags, so a flag that stays on is reported once. */
export const dialogStates = new RecentMap<string>(20_000, 7 * 24 * 60 * 60 * 1000);

/** Returns true if the delivery is a repeat; remembers it otherwise. */
export function isDuplicateDelivery(
	scope: string,
	messageId: string | undefined,
	memory = seenMessages,
): boolean {
	if (!messageId) return false;
	const key = `${scope}|${messageId}`;
	if (memory.get(key)) return true;
	memory.set(key, true);
	return false;
}

/**
 * Whether a flag has just turned on (or changed to a new value) for a dialog. `state` undefined
 * means off. Without a dialog id there is nothing to remember by, so an "on" flag always counts.
 */
export function turnedOn(
	dialog: string | undefined,
	flag: string,
	state: string | undefined,
	memory = dialogStates,
): boolean {
	if (!dialog) return state !== undefined;
	const key = `${dialog}|${flag}`;
	const previous = memory.get(key);
	if (state === undefined) {
		memory.delete(key);
		return false;
	}
	memory.set(key, state);
	return previous !== state;
}

/** For tests. */
export function resetTriggerMemory(): void {
	seenMessages.clear();
	dialogStates.clear();
}
