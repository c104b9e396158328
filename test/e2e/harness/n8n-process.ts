import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { httpRequest } from './http';
import { n8nRuntime, pathWithRuntimeNode } from './paths';
import { sleep } from './wait';

const READY_LINE = 'Editor is now accessible';

/** Safety net: if a test forgets stop() or jest dies, don't leave n8n servers behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		// The server runs in its own process group (we started it detached), so this also reaches its task runner.
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

function tail(file: string, lines = 40): string {
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	return text.split('\n').slice(-lines).join('\n');
}

/** Which n8n command a process runs, and the log line after which it is ready. */
export interface N8nCommand {
	args: string[];
	readyLine: string;
}

/** `n8n start`: the main process (editor, API, triggers; in regular mode also webhooks and executions). */
export const N8N_START: N8nCommand = { args: ['start'], readyLine: READY_LINE };

/** One n8n server process, its output going to a log file that tests can read. */
export class N8nProcess {
	private child: ChildProcess | undefined;
	private exited: Promise<void> = Promise.resolve();

	constructor(
		private readonly env: NodeJS.ProcessEnv,
		private readonly baseUrl: string,
		readonly logFile: string,
		private readonly command: N8nCommand = N8N_START,
	) {}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	get isRunning(): boolean {
		return (
			this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
		);
	}

	/** Resolves when n8n is ready (readiness + the command's ready line); rejects with the log tail if n8n exits. */
	async start(timeoutMs: number): Promise<void> {
		if (this.isRunning) throw new Error('n8n is already running');
		const log = fs.openSync(this.logFile, 'a');
		// Never through PATH: native modules (isolated-vm, sqlite3) are built for one Node version.
		const { nodeBin, n8nBin } = n8nRuntime();
		const child = spawn(nodeBin, [n8nBin, ...this.command.args], {
			env: { ...this.env, PATH: pathWithRuntimeNode(this.env) },
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		this.child = child;
		running.add(child);
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		void this.exited.then(() => running.delete(child));

		const startedAt = Date.now();
		const logOffset = fs.statSync(this.logFile).size;
		for (;;) {
			if (!this.isRunning) {
				throw new Error(
					`n8n exited during start (code ${child.exitCode}, signal ${child.signalCode}):\n${tail(this.logFile)}`,
				);
			}
			if ((await this.isReady()) && this.logSince(logOffset).includes(this.command.readyLine))
				return;
			if (Date.now() - startedAt > timeoutMs) {
				await this.stop(5_000);
				throw new Error(`n8n was not ready after ${timeoutMs} ms:\n${tail(this.logFile)}`);
			}
			await sleep(200);
		}
	}

	/** SIGTERM first (n8n shuts down in 1-3 s and stops its task runner), SIGKILL after `graceMs`. */
	async stop(graceMs: number): Promise<void> {
		const child = this.child;
		if (!child || !this.isRunning) return;
		child.kill('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const gaveUp = new Promise<boolean>(
			(resolve) => (timer = setTimeout(() => resolve(false), graceMs)),
		);
		// The timer is cleared so that it cannot keep jest alive after the last test.
		const stopped = await Promise.race([this.exited.then(() => true), gaveUp]).finally(() =>
			clearTimeout(timer),
		);
		if (!stopped) {
			killGroup(child, 'SIGKILL');
			await this.exited;
		}
	}

	private async isReady(): Promise<boolean> {
		try {
			const response = await httpRequest({
				method: 'GET',
				url: `${this.baseUrl}/healthz/readiness`,
				timeoutMs: 2_000,
			});
			return response.status === 200;
		} catch {
			return false;
		}
	}

	private logSince(offset: number): string {
		const fd = fs.openSync(this.logFile, 'r');
		try {
			const size = fs.fstatSync(fd).size;
			const buffer = Buffer.alloc(Math.max(0, size - offset));
			fs.readSync(fd, buffer, 0, buffer.length, offset);
			return buffer.toString('utf8');
		} finally {
			fs.closeSync(fd);
		}
	}
}
