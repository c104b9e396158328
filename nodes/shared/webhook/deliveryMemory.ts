import type { IDataObject } from 'n8n-workflow';

import { RecentMap } from './recentDeliveries';
import { LayeredMemory, OwnWrites, StaticDataMap, type KeyValueMemory } from './sharedMemory';

/**
 * This process's last writes to trigger static data, per workflow node and field (the scope
 * keeps workflows apart), so that one lost to another delivery's save of the same moment is
 * written back with this process's next delivery. The last 200 per scope: losses happen within
 * the moments two deliveries overlap.
 */
export const ownStaticDataWrites = new OwnWrites(200);

/** Where a trigger keeps the deliveries it has seen in the node's static data, and for how long. */
export interface StoredDeliveries {
	/** The static data field. */
	field: string;
	/** Static data is saved whole on each change, so it stays small: about 40 bytes per entry. */
	maxEntries: number;
	windowMs: number;
}

/** What `deliveryMemory` reads from the webhook context. */
export interface DeliveryMemoryContext {
	getMode(): string;
	getWorkflowStaticData(type: string): IDataObject;
}

/**
 * The node's static data of a production delivery; undefined for a test delivery, whose static
 * data n8n does not save (docs/architecture.md, "Queue mode").
 */
export function productionStaticData(context: DeliveryMemoryContext): IDataObject | undefined {
	return context.getMode() === 'manual' ? undefined : context.getWorkflowStaticData('node');
}

/**
 * A map in the node's static data that logs this process's writes and, on opening, writes back
 * those a concurrent save lost, so the repair does not wait for this process's next new entry.
 * `scope` names the workflow and the node.
 */
export function openStaticDataMap<V extends string | true>(
	nodeStaticData: IDataObject,
	scope: string,
	stored: StoredDeliveries,
): StaticDataMap<V> {
	const map = new StaticDataMap<V>(
		nodeStaticData,
		stored.field,
		stored.maxEntries,
		stored.windowMs,
		Date.now,
		{ log: ownStaticDataWrites, scope: `${scope}|${stored.field}` },
	);
	map.restoreOwnWrites();
	return map;
}

/**
 * The dedupe memory for one delivery (docs/architecture.md, "Queue mode"). In production the
 * node's static data decides, which every n8n process shares through the database, behind this
 * process's `recent` memory as a fast path. For test deliveries (`nodeStaticData` undefined) the
 * per-process memory alone: n8n would drop what they write.
 */
export function deliveryMemory(
	nodeStaticData: IDataObject | undefined,
	recent: RecentMap<true>,
	scope: string,
	stored: StoredDeliveries,
): KeyValueMemory<true> {
	if (!nodeStaticData) return recent;
	return new LayeredMemory(recent, openStaticDataMap<true>(nodeStaticData, scope, stored));
}

/**
 * One trigger's redelivery memory, declared once per trigger: this process's fast path and the
 * field of the node's static data behind it (kept `windowMs`, at most `maxStored` entries).
 */
export class TriggerRedeliveries {
	/** This process's memory: the fast path, and all there is for test deliveries. */
	readonly recent: RecentMap<true>;
	readonly stored: StoredDeliveries;

	constructor(field: string, windowMs: number, maxStored = 1_000) {
		this.recent = new RecentMap<true>(10_000, windowMs);
		this.stored = { field, maxEntries: maxStored, windowMs };
	}

	/** The memory one delivery decides with (`deliveryMemory`). */
	forDelivery(context: DeliveryMemoryContext, scope: string): KeyValueMemory<true> {
		return deliveryMemory(productionStaticData(context), this.recent, scope, this.stored);
	}

	/** For tests: this process forgets what it has seen (a restart). */
	forget(): void {
		this.recent.clear();
		ownStaticDataWrites.clear();
	}
}
