import { createHash } from 'crypto';

import type { KeyValueMemory } from './sharedMemory';

/**
 * Small bounded memories kept per n8n process: what this process has seen recently. Best effort
 * by design (docs/architecture.md, "Queue mode"): a miss only lets a redelivery through, and
 * another process never sees these entries.
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

/** Longer delivery ids are remembered by their SHA-256, so a hostile 1 MB id costs 64 bytes. */
export const MAX_REMEMBERED_ID_LENGTH = 128;

/** Returns true if the delivery is a repeat within the memory's window; remembers it otherwise. */
export function isDuplicateDelivery(
	memory: KeyValueMemory<true>,
	scope: string,
	deliveryId: string | undefined,
): boolean {
	if (!deliveryId) return false;
	const id =
		deliveryId.length > MAX_REMEMBERED_ID_LENGTH
			? `sha256:${createHash('sha256').update(deliveryId, 'utf8').digest('hex')}`
			: deliveryId;
	const key = `${scope}|${id}`;
	if (memory.get(key)) return true;
	memory.set(key, true);
	return false;
}
