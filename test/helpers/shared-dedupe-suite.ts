/**
 * Queue mode (issue #13): a webhook trigger's dedupe must hold when a redelivery reaches another
 * n8n process, or the same one after a restart. What one process decided reaches the next only
 * through the workflow's static data, which n8n loads from the database per request and saves
 * after webhook(): simulated here by JSON copies, with the per-process memory forgotten.
 * Used by test/unit/<provider>/trigger/shared-dedupe.test.ts.
 */
import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { deliverJson } from './hostile-suite';
import type { HostileTrigger } from './hostile-triggers';
import type { NodeHarness } from './node-harness';

const copy = (value: IDataObject) => JSON.parse(JSON.stringify(value)) as IDataObject;

/** The entries of `field` in the trigger node's static data (n8n keys it `node:<name>`). */
function stored(database: IDataObject, field: string): string[] {
	const nodeData = Object.values(database) as IDataObject[];
	return nodeData.flatMap((data) => Object.keys((data?.[field] as IDataObject | undefined) ?? {}));
}

export function describeSharedDedupe(
	trigger: HostileTrigger,
	harness: (staticData: IDataObject, mode: WorkflowExecuteMode) => NodeHarness,
	/** This process forgets what it has seen (a restart, or another process). */
	forget: () => void,
	/** The static data field the trigger keeps its deliveries in. */
	field: string,
): void {
	describe(`${trigger.label}: dedupe shared across n8n processes`, () => {
		let database: IDataObject;
		beforeEach(() => {
			forget();
			database = {};
		});

		/** One production delivery in a fresh process: static data from the database, nothing in memory. */
		async function deliverInAnotherProcess(n: number) {
			forget();
			const staticData = copy(database);
			const delivered = await deliverJson(
				harness(staticData, 'webhook'),
				trigger,
				trigger.valid(n),
			);
			database = copy(staticData);
			return delivered;
		}

		it('drops a redelivery that reaches another process (or the same one after a restart)', async () => {
			const first = await deliverInAnotherProcess(1);
			expect(first.response.body).toEqual({ ok: true });
			expect(first.items).toHaveLength(1);
			expect(stored(database, field)).toHaveLength(1);

			const again = await deliverInAnotherProcess(1);
			expect(again.result.workflowData).toBeUndefined();
			expect(again.response.statusCode).toBe(200);
			expect(again.response.body).toEqual({ ok: true, ignored: expect.any(String) });

			expect((await deliverInAnotherProcess(2)).items).toHaveLength(1);
		});

		it('a test delivery leaves static data alone and remembers per process', async () => {
			const staticData: IDataObject = {};
			const node = harness(staticData, 'manual');
			expect((await deliverJson(node, trigger, trigger.valid(3))).items).toHaveLength(1);
			const again = await deliverJson(node, trigger, trigger.valid(3));
			expect(again.result.workflowData).toBeUndefined();
			expect(again.response.body).toEqual({ ok: true, ignored: expect.any(String) });
			expect(staticData).toEqual({});
		});
	});
}
