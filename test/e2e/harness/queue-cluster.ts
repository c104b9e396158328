import * as fs from 'node:fs';
import * as path from 'node:path';
import { n8nEnv } from '../../../scripts/lib/n8n-env';
import { freePorts } from '../../../scripts/lib/free-ports';
import { RoundRobinBalancer } from './balancer';
import { httpRequest, type HttpResponse } from './http';
import { E2E_ENCRYPTION_KEY, N8nInstance, OFFLINE_2X, TEST_SPEED_SETTINGS } from './n8n-instance';
import { N8nProcess } from './n8n-process';
import { installPackageInto } from './packed-package';
import { n8nMajor, n8nRuntime } from './paths';
import { waitFor } from './wait';
import { QueueServices } from './queue-services';

interface DatabaseClient {
	query(sql: string): Promise<{ rows: Array<Record<string, string | null>> }>;
}

/** One process of the cluster other than main: a worker or a webhook processor. */
export interface ClusterProcess {
	name: string;
	process: N8nProcess;
	/** Webhook processors: where they serve /webhook/…; workers: their health check. */
	baseUrl: string;
	userFolder: string;
}

export interface QueueClusterOptions {
	name?: string;
	workers?: number;
	webhookProcessors?: number;
	/** Extra env for every process, e.g. { QM_PROCESS_NAME } is added per process anyway. */
	env?: Record<string, string>;
}

/**
 * n8n in queue mode, as a business scales it: PostgreSQL and Redis (QueueServices), one main
 * process (editor, API, activation, polling triggers; production webhooks off), N workers that
 * run the executions, M webhook processors that receive the webhooks, and a round-robin balancer
 * in front of the webhook processors, whose URL is n8n's WEBHOOK_URL (what providers are told).
 * Every process has its own user folder with the package installed, and the same encryption key.
 *
 * Use: create → main.importCredentials/importWorkflows/activate → start → post/… → stop.
 */
export class QueueCluster {
	private constructor(
		readonly services: QueueServices,
		readonly main: N8nInstance,
		readonly workers: ClusterProcess[],
		readonly webhookProcessors: ClusterProcess[],
		readonly balancer: RoundRobinBalancer,
	) {}

	static async create(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const workerCount = options.workers ?? 2;
		const webhookCount = options.webhookProcessors ?? 2;
		const services = await QueueServices.start();
		try {
			const ports = await freePorts(1 + 2 * workerCount + 2 * webhookCount);
			const balancerPort = ports.shift()!;
			const webhookPorts = Array.from({ length: webhookCount }, () => ports.shift()!);
			const balancer = new RoundRobinBalancer(
				webhookPorts.map((port) => `http://127.0.0.1:${port}`),
				balancerPort,
			);
			const shared: Record<string, string> = {
				...services.n8nEnv,
				WEBHOOK_URL: `${balancer.url}/`,
				// Logs of which process did what: "Enqueued execution", "Worker started execution".
				N8N_LOG_LEVEL: 'info',
				...options.env,
			};
			const main = await N8nInstance.create({
				name: `${options.name ?? 'queue'}-main`,
				env: {
					...shared,
					N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
					OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
					QM_PROCESS_NAME: 'main',
				},
			});
			const base = path.dirname(main.userFolder);
			const label = path.basename(main.userFolder).replace(/-main-/, '-');
			const processOf = (
				name: string,
				port: number,
				brokerPort: number,
				own: Record<string, string>,
				command: { args: string[]; readyLine: string },
			): ClusterProcess => {
				const userFolder = path.join(base, `${label}-${name}`);
				fs.mkdirSync(userFolder, { recursive: true });
				installPackageInto(userFolder);
				const env = n8nEnv({
					userFolder,
					port,
					brokerPort,
					encryptionKey: E2E_ENCRYPTION_KEY,
					extra: {
						...TEST_SPEED_SETTINGS,
						...(n8nMajor() === 2 ? OFFLINE_2X : {}),
						...shared,
						QM_PROCESS_NAME: name,
						...own,
					},
				});
				const baseUrl = `http://127.0.0.1:${port}`;
				return {
					name,
					baseUrl,
					userFolder,
					process: new N8nProcess(env, baseUrl, path.join(userFolder, 'n8n.log'), command),
				};
			};
			const workers = Array.from({ length: workerCount }, (_, i) => {
				const [health, broker] = [ports.shift()!, ports.shift()!];
				return processOf(
					`worker${i + 1}`,
					health,
					broker,
					{
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(health),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
					{ args: ['worker', '--concurrency=5'], readyLine: 'n8n worker is now ready' },
				);
			});
			const webhookProcessors = webhookPorts.map((port, i) =>
				processOf(
					`webhook${String.fromCharCode(65 + i)}`,
					port,
					ports.shift()!,
					// A webhook process waits for its executions before it exits (30 s by default).
					{ N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5' },
					{ args: ['webhook'], readyLine: 'Webhook listener waiting for requests' },
				),
			);
			return new QueueCluster(services, main, workers, webhookProcessors, balancer);
		} catch (error) {
			await services.stop();
			throw error;
		}
	}

	/** Main first (it activates the workflows), then workers and webhook processors together. */
	async start(): Promise<void> {
		await this.balancer.start();
		await this.main.start();
		await Promise.all(
			[...this.workers, ...this.webhookProcessors].map(({ process }) => process.start(90_000)),
		);
	}

	/** Stops a webhook processor by PID (SIGTERM, then SIGKILL). */
	async stopWebhookProcessor(index: number): Promise<void> {
		await this.webhookProcessors[index].process.stop(15_000);
	}

	async startWebhookProcessor(index: number): Promise<void> {
		await this.webhookProcessors[index].process.start(90_000);
	}

	/** POST to one webhook processor directly (index 0 = A), bypassing the balancer. */
	async postTo(
		index: number,
		webhookPath: string,
		body: unknown,
		query: Record<string, string> = {},
		headers: Record<string, string> = {},
	): Promise<HttpResponse> {
		const url = new URL(
			`${this.webhookProcessors[index].baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`,
		);
		for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
		return await httpRequest({ method: 'POST', url: url.toString(), headers, body });
	}

	/**
	 * Resolves once no execution is new or running (read from PostgreSQL: the public API lists
	 * finished executions only, so it cannot see the newest one still running), twice in a row.
	 * Returns the highest execution id.
	 */
	async settled(timeoutMs = 180_000): Promise<number> {
		return await this.withDatabase(async (client) => {
			let quietOnce = false;
			let last = '';
			return await waitFor(
				async () => {
					const { rows } = await client.query(
						`SELECT count(*) FILTER (WHERE status IN ('new', 'running')) AS busy, max(id) AS highest FROM execution_entity`,
					);
					last = JSON.stringify(rows[0]);
					const quiet = Number(rows[0].busy) === 0;
					const done = quiet && quietOnce;
					quietOnce = quiet;
					return done ? Number(rows[0].highest ?? 0) : undefined;
				},
				{ timeoutMs, intervalMs: 300, describe: () => `executions still busy: ${last}` },
			);
		});
	}

	/**
	 * A workflow's static data as n8n last saved it in PostgreSQL: what every process loads for
	 * the next delivery. (Read directly: n8n's API does not show static data.)
	 */
	async staticDataOf(workflowId: string): Promise<Record<string, unknown>> {
		return await this.readingStaticData(workflowId, async (read) => await read());
	}

	/**
	 * Runs `use` with a reader of a workflow's saved static data over one open connection, so a
	 * caller can poll it every few milliseconds (n8n saves a delivery's changes a few milliseconds
	 * after the trigger answered) without a connection's set-up in each read.
	 */
	async readingStaticData<T>(
		workflowId: string,
		use: (read: () => Promise<Record<string, unknown>>) => Promise<T>,
	): Promise<T> {
		return await this.withDatabase(
			async (client) =>
				await use(async () => {
					const { rows } = await client.query(
						`SELECT "staticData"::text AS data FROM workflow_entity WHERE id = '${workflowId.replace(/'/g, "''")}'`,
					);
					return (JSON.parse(rows[0]?.data ?? 'null') as Record<string, unknown> | null) ?? {};
				}),
		);
	}

	/** Runs `use` with a connection to the cluster's PostgreSQL, through the n8n under test's own pg driver. */
	private async withDatabase<T>(use: (client: DatabaseClient) => Promise<T>): Promise<T> {
		const modules = path.resolve(n8nRuntime().n8nBin, '..', '..', '..');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Client } = require(path.join(modules, 'pg')) as {
			Client: new (options: object) => DatabaseClient & {
				connect(): Promise<void>;
				end(): Promise<void>;
			};
		};
		const client = new Client({
			host: '127.0.0.1',
			port: this.services.postgresPort,
			user: 'n8n',
			database: 'postgres',
		});
		await client.connect();
		try {
			return await use(client);
		} finally {
			await client.end();
		}
	}

	/** Everything a process printed (name: 'main', 'worker1', 'webhookA', …). */
	log(name: string): string {
		if (name === 'main') return this.main.log();
		const found = [...this.workers, ...this.webhookProcessors].find((p) => p.name === name);
		if (!found) throw new Error(`no process named ${name}`);
		const file = found.process.logFile;
		return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	}

	/** Every process by PID, then the balancer, then PostgreSQL and Redis; safe to call after a failed start. */
	async stop(): Promise<void> {
		await Promise.allSettled(
			[...this.webhookProcessors, ...this.workers].map(({ process }) => process.stop(15_000)),
		);
		await this.main.stop().catch(() => undefined);
		await this.balancer.stop();
		await this.services.stop();
	}
}
