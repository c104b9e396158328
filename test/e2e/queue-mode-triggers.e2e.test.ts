/**
 * Queue mode (issue #13) for the Wazzup, 360dialog and Omnidesk triggers: their dedupe holds
 * across webhook processes and restarts, because a production delivery's record lives in the
 * node's static data, which n8n saves to PostgreSQL a few milliseconds after the trigger answered
 * and every process loads per request. One workflow per trigger (trigger → No Operation), on one
 * cluster (main, a worker, webhook processors A and B); for each trigger:
 *   - a delivery to A starts a run; once A's record is saved, the same delivery to B starts none;
 *   - after A restarts (its per-process memory gone), the same delivery to A starts none, and a
 *     new one still runs.
 * The triggers are set up to register nothing with the provider (the hostile-input suites'
 * parameters), so the credentials point nowhere: no provider is called.
 */
import { DEFAULT_360DIALOG_KEY } from '../fakes/dialog360';
import {
	HOSTILE_KEYS,
	dialog360Trigger,
	omnideskTrigger,
	wazzupTrigger,
	type HostileTrigger,
} from '../helpers/hostile-triggers';
import { PACKAGE_NAME } from '../helpers/node-harness';
import type { CredentialFixture, WorkflowJson } from './harness';
import { QueueCluster } from './harness/queue-cluster';
import { waitFor } from './harness/wait';

const NOWHERE = 'http://127.0.0.1:9';

interface Placed {
	trigger: HostileTrigger;
	/** Where the trigger keeps its delivery records in the node's static data. */
	field: string;
	workflowId: string;
	nodeId: string;
	webhookId: string;
	credential: CredentialFixture;
}

const placed = (
	trigger: HostileTrigger,
	index: number,
	field: string,
	credential: Omit<CredentialFixture, 'id' | 'name'>,
): Placed => ({
	trigger,
	field,
	workflowId: `qmTriggerDedup0${index}`,
	nodeId: `qm-trigger-${index}`,
	webhookId: `7a1b2c3d-4e5f-4a6b-8c7d-00000000000${index}`,
	credential: { id: `qmTrigCred00000${index}`, name: `Queue ${trigger.label}`, ...credential },
});

const PLACED: Placed[] = [
	placed(wazzupTrigger, 1, 'recentDeliveries', {
		type: 'omnichannelWazzupApi',
		data: { apiKey: 'queue-wazzup-key', baseUrl: NOWHERE },
	}),
	placed(dialog360Trigger, 2, 'recentDeliveries', {
		type: 'omnichannel360DialogApi',
		data: { apiKey: DEFAULT_360DIALOG_KEY, apiVariant: 'cloud', baseUrl: NOWHERE },
	}),
	placed(omnideskTrigger, 3, 'recentMessages', {
		type: 'omnichannelOmnideskApi',
		data: {
			domain: `${NOWHERE}/api`,
			staffEmail: 'bot@example.com',
			apiKey: HOSTILE_KEYS.omnidesk,
		},
	}),
];

function workflowFor(p: Placed): WorkflowJson {
	return {
		id: p.workflowId,
		name: `e2e: queue mode dedupe at ${p.trigger.label}`,
		nodes: [
			{
				id: p.nodeId,
				name: 'Trigger',
				type: `${PACKAGE_NAME}.${p.trigger.type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: p.webhookId,
				parameters: p.trigger.parameters as WorkflowJson['nodes'][number]['parameters'],
				credentials: { [p.credential.type]: { id: p.credential.id, name: p.credential.name } },
			},
			{
				id: `${p.nodeId}-noop`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [250, 0],
				parameters: {},
			},
		],
		connections: { Trigger: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The trigger's delivery records n8n has saved (static data → node → field). */
const savedRecords = (data: Record<string, unknown>, field: string) =>
	Object.values(data).flatMap((nodeData) =>
		Object.keys(((nodeData as Record<string, unknown> | null)?.[field] as object) ?? {}),
	);

/** E2E_QUEUE=0 skips this file (a machine without root or apt, where redis/PostgreSQL cannot be installed). */
const describeQueue = process.env.E2E_QUEUE === '0' ? describe.skip : describe;

describeQueue('queue mode: Wazzup, 360dialog and Omnidesk triggers dedupe across processes', () => {
	let cluster: QueueCluster;

	beforeAll(async () => {
		cluster = await QueueCluster.create({ name: 'qtrig', workers: 1 });
		await cluster.main.importCredentials(PLACED.map((p) => p.credential));
		await cluster.main.importWorkflows(PLACED.map(workflowFor));
		await cluster.main.activate(PLACED.map((p) => p.workflowId));
		await cluster.start();
	}, 240_000);

	afterAll(async () => {
		await cluster?.stop();
	}, 120_000);

	const deliver = async (processor: number, p: Placed, n: number) => {
		const secret = p.trigger.secret('right', p.workflowId, p.nodeId);
		const path = p.trigger.fullPath ? p.trigger.path : `${p.webhookId}/${p.trigger.path}`;
		return await cluster.postTo(processor, path, p.trigger.valid(n), secret.query, {
			...secret.headers,
			'content-type': 'application/json',
		});
	};

	/** Runs of the workflow once every execution has finished. */
	const runsOf = async (p: Placed) => {
		await cluster.settled();
		return (await cluster.main.executions(p.workflowId)).length;
	};

	it.each(PLACED.map((p) => [p.trigger.label, p] as const))(
		'%s: a redelivery to the other webhook processor, once A saved the record, starts no run',
		async (_label, p) => {
			await cluster.readingStaticData(p.workflowId, async (read) => {
				expect(savedRecords(await read(), p.field)).toEqual([]);
				const first = await deliver(0, p, 1);
				expect(first.status).toBe(200);
				expect(first.body).toEqual({ ok: true });
				await waitFor(
					async () => (savedRecords(await read(), p.field).length > 0 ? true : undefined),
					{ timeoutMs: 15_000, intervalMs: 5, describe: () => 'n8n saved the record' },
				);
			});
			const again = await deliver(1, p, 1);
			expect(again.status).toBe(200);
			expect(again.body).toEqual({ ok: true, ignored: expect.any(String) });
			expect(await runsOf(p)).toBe(1);
		},
		60_000,
	);

	it('after a restart of A, the same deliveries start no run; new ones still do', async () => {
		await cluster.stopWebhookProcessor(0);
		await cluster.startWebhookProcessor(0);
		for (const p of PLACED) {
			const again = await deliver(0, p, 1);
			expect(again.status).toBe(200);
			expect(again.body).toEqual({ ok: true, ignored: expect.any(String) });
			const next = await deliver(0, p, 2);
			expect(next.status).toBe(200);
			expect(next.body).toEqual({ ok: true });
		}
		for (const p of PLACED) expect(await runsOf(p)).toBe(2);
	}, 120_000);
});
