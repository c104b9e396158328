import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureQueueServices } from '../../../scripts/ensure-queue-services';
import { freePorts } from '../../../scripts/lib/free-ports';
import { waitFor } from './wait';

/** Safety net: if jest dies before stop(), don't leave databases behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) if (child.pid) safeKill(child.pid, 'SIGKILL');
});

function safeKill(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(pid, signal);
	} catch {
		// already gone
	}
}

/** initdb and postgres refuse to run as root: as root, they run as Debian's postgres user. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0)
		throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as');
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL and Redis for n8n's queue mode, as our own processes: data in a temp folder, listening
 * on 127.0.0.1 at free ports, no system service touched, stopped by PID. Throwaway: trust auth on
 * loopback, no fsync, no Redis persistence.
 */
export class QueueServices {
	private readonly children: ChildProcess[] = [];

	private constructor(
		readonly dir: string,
		readonly postgresPort: number,
		readonly redisPort: number,
	) {}

	static async start(): Promise<QueueServices> {
		const { redisServer, postgresBin } = ensureQueueServices();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-queue-'));
		// mktemp's 0700 would keep the postgres user out of its own data folder.
		fs.chmodSync(dir, 0o711);
		const [postgresPort, redisPort] = await freePorts(2);
		const services = new QueueServices(dir, postgresPort, redisPort);
		try {
			await Promise.all([services.startPostgres(postgresBin), services.startRedis(redisServer)]);
		} catch (error) {
			await services.stop();
			throw error;
		}
		return services;
	}

	/** What every n8n process of the cluster needs to reach them. */
	get n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgresPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'throwaway',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
		};
	}

	private async startPostgres(binDir: string): Promise<void> {
		const user = postgresUser();
		const data = path.join(this.dir, 'pg');
		fs.mkdirSync(data, { mode: 0o700 });
		if (user) fs.chownSync(data, user.uid, user.gid);
		const initdb = spawnSync(
			path.join(binDir, 'initdb'),
			['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
			{ encoding: 'utf8', ...user, cwd: this.dir },
		);
		if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}${initdb.stderr}`);
		const logFile = path.join(this.dir, 'postgres.log');
		const log = fs.openSync(logFile, 'a');
		if (user) fs.fchownSync(log, user.uid, user.gid);
		const child = this.spawnService(
			path.join(binDir, 'postgres'),
			[
				'-D',
				data,
				'-p',
				String(this.postgresPort),
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				`unix_socket_directories=${data}`,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				// E2E_PG_LOG=1: every write statement with its parameters in postgres.log, to debug races.
				...(process.env.E2E_PG_LOG
					? ['-c', 'log_statement=mod', '-c', 'log_line_prefix=%m [%p] ']
					: []),
			],
			log,
			user,
		);
		await this.waitForLine(child, logFile, 'database system is ready to accept connections');
	}

	private async startRedis(redisServer: string): Promise<void> {
		const logFile = path.join(this.dir, 'redis.log');
		const log = fs.openSync(logFile, 'a');
		const child = this.spawnService(
			redisServer,
			[
				'--bind',
				'127.0.0.1',
				'--port',
				String(this.redisPort),
				'--dir',
				this.dir,
				'--save',
				'',
				'--appendonly',
				'no',
				'--protected-mode',
				'yes',
			],
			log,
		);
		await this.waitForLine(child, logFile, 'Ready to accept connections');
	}

	private spawnService(
		bin: string,
		args: string[],
		log: number,
		user?: { uid: number; gid: number },
	): ChildProcess {
		const child = spawn(bin, args, { stdio: ['ignore', log, log], cwd: this.dir, ...user });
		fs.closeSync(log);
		this.children.push(child);
		running.add(child);
		child.once('exit', () => running.delete(child));
		return child;
	}

	private async waitForLine(child: ChildProcess, logFile: string, line: string): Promise<void> {
		await waitFor(
			async () => {
				if (child.exitCode !== null || child.signalCode !== null)
					throw new Error(`${logFile}: exited during start:\n${fs.readFileSync(logFile, 'utf8')}`);
				return fs.readFileSync(logFile, 'utf8').includes(line) ? true : undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 50, describe: () => `"${line}" in ${logFile}` },
		);
	}

	/** SIGINT is PostgreSQL's fast shutdown, SIGTERM Redis's; SIGKILL after 10 s. Removes the data. */
	async stop(): Promise<void> {
		await Promise.all(
			this.children.map(async (child) => {
				if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
				const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
				safeKill(child.pid, 'SIGINT');
				const timer = setTimeout(() => child.pid && safeKill(child.pid, 'SIGKILL'), 10_000);
				await exited.finally(() => clearTimeout(timer));
			}),
		);
		if (!process.env.E2E_KEEP_QUEUE_DATA) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}
