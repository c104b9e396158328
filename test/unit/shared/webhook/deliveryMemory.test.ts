import type { IDataObject } from 'n8n-workflow';

import {
	deliveryMemory,
	isDuplicateDelivery,
	ownStaticDataWrites,
	productionStaticData,
	RecentMap,
	type StoredDeliveries,
} from '../../../../nodes/shared';

const STORED: StoredDeliveries = { field: 'recentDeliveries', maxEntries: 10, windowMs: 60_000 };
const copy = (value: IDataObject) => JSON.parse(JSON.stringify(value)) as IDataObject;
const fresh = () => new RecentMap<true>(100, 60_000);

describe('deliveryMemory: the dedupe memory of one delivery', () => {
	beforeEach(() => ownStaticDataWrites.clear());

	it('in production, a delivery seen by one process is a repeat for another one', () => {
		const saved: IDataObject = {};
		expect(isDuplicateDelivery(deliveryMemory(saved, fresh(), 'wf|n', STORED), 'wf|n', 'm1')).toBe(
			false,
		);
		ownStaticDataWrites.clear();
		const elsewhere = deliveryMemory(copy(saved), fresh(), 'wf|n', STORED);
		expect(isDuplicateDelivery(elsewhere, 'wf|n', 'm1')).toBe(true);
		expect(isDuplicateDelivery(elsewhere, 'wf|n', 'm2')).toBe(false);
	});

	it('for a test delivery, only the per-process memory', () => {
		const recent = fresh();
		const memory = deliveryMemory(undefined, recent, 'wf|n', STORED);
		expect(memory).toBe(recent);
		expect(
			productionStaticData({
				getMode: () => 'manual',
				getWorkflowStaticData: () => ({}),
			}),
		).toBeUndefined();
		const nodeData: IDataObject = {};
		expect(
			productionStaticData({ getMode: () => 'webhook', getWorkflowStaticData: () => nodeData }),
		).toBe(nodeData);
	});

	it('keeps at most the configured number of entries in static data', () => {
		const saved: IDataObject = {};
		const memory = deliveryMemory(saved, fresh(), 'wf|n', STORED);
		for (let i = 0; i < 25; i++) isDuplicateDelivery(memory, 'wf|n', `m${i}`);
		const entries = Object.keys(saved[STORED.field] as IDataObject);
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.length).toBeLessThanOrEqual(STORED.maxEntries);
	});

	it('writes back, on opening, what this process wrote and a concurrent save lost; per node', () => {
		const database: IDataObject = {};
		const loadedByA = copy(database);
		const loadedByB = copy(database);
		isDuplicateDelivery(deliveryMemory(loadedByA, fresh(), 'wf|n', STORED), 'wf|n', 'from-a');
		isDuplicateDelivery(deliveryMemory(loadedByB, fresh(), 'wf|other', STORED), 'wf|n', 'from-b');
		// B's save came last and won: A's entry is lost in the database.
		const lost = copy(loadedByB);
		deliveryMemory(lost, fresh(), 'wf|n', STORED);
		ownStaticDataWrites.clear(); // what follows is another process: only `lost` can know
		const repaired = deliveryMemory(copy(lost), fresh(), 'wf|n', STORED);
		expect(isDuplicateDelivery(repaired, 'wf|n', 'from-a')).toBe(true);
		// Another node's writes are not put into this node's data.
		const otherNode: IDataObject = {};
		deliveryMemory(otherNode, fresh(), 'wf|third', STORED);
		expect(otherNode).toEqual({});
	});
});
