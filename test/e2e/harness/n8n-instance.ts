import * as fs from 'node:fs';
import * as path from 'node:path';
import { n8nEnv } from '../../../scripts/lib/n8n-env';
import { freePorts } from '../../../scripts/lib/free-ports';
import { isFinished, toExecution, type N8nExecution, type PublicApiExecution } from './executions';
import type { CredentialFixture, WorkflowJson } from './fixtures';
import { httpRequest, type HttpResponse } from './http';
import { runN8nCli } from './n8n-cli';
import { N8nProcess } from './n8n-process';
import { createOwnerSession, type OwnerSession } from './owner-session';
import { installPackageInto } from './packed-package';
import { instancesDir, n8nMajor, n8nRuntime } from './paths';
import { waitFor } from './wait';

/** Fixed so that CLI imports and the server agree; it only protects throwaway test data. */
export const E2E_ENCRYPTION_KEY = 'omnichannel-e2e-encryption-key-not-secret';

/**
 * n8n 2.x publishes (activates) workflows through an outbox that is polled every 15 s by default.
 * Polling every second changes only how long a test waits, not what happens; 1.x ignores it.
 */
export const TEST_SPEED_SETTINGS: Record<string, string> = {
	N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
};

/**
 * n8n 2.x's MCP server registry fetches https://api.n8n.io/api/mcp-servers at start (a system
 * task). Tests talk to 127.0.0.1 only, so that module is off. (1.x has no such module.)
 */
export const OFFLINE_2X: Record<string, string> = { N8N_DISABLED_MODULES: 'mcp-registry' };

export interface N8nInstanceOptions {
	/** A label for the user folder name (e.g. the test file's name). */
	name?: string;
	/** Extra n8n environment, e.g. { N8N_EXPRESSION_ENGINE: 'legacy' }. */
	env?: Record<string, string>;
	/** Install the packed package under test (default true). */
	installPackage?: boolean;
}

/** n8n 2.x's answer to GET /rest/workflows/<id>/publication-status (WorkflowPublicationStatusService). */
export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export interface WebhookRequestOptions {
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** Defaults to 'webhook' (production URL); 'webhook-test' for test URLs. */
	prefix?: string;
}

/**
 * A real n8n with our package installed as a community package, in a throwaway user folder.
 * Typical use: create → importCredentials/importWorkflows → activate → start → post/executions → stop.
 * Everything before start() runs CLI commands (~2 s each), so pass whole arrays at once.
 */
export class N8nInstance {
	readonly baseUrl: string;
	private readonly env: NodeJS.ProcessEnv;
	/** For CLI calls: their own task-broker port, since n8n 2.x starts runners even for the CLI. */
	private readonly cliEnv: NodeJS.ProcessEnv;
	private readonly server: N8nProcess;
	/** id → name; the name is what n8n's activation log lines show. */
	private readonly importedWorkflows = new Map<string, string>();
	private readonly activatedBeforeStart = new Set<string>();
	private session: OwnerSession | undefined;

	private constructor(
		readonly userFolder: string,
		readonly port: number,
		readonly brokerPort: number,
		cliBrokerPort: number,
		extraEnv: Record<string, string>,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.env = n8nEnv({
			userFolder,
			port,
			brokerPort,
			encryptionKey: E2E_ENCRYPTION_KEY,
			extra: { ...TEST_SPEED_SETTINGS, ...(n8nMajor() === 2 ? OFFLINE_2X : {}), ...extraEnv },
		});
		this.cliEnv = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(cliBrokerPort) };
		this.server = new N8nProcess(this.env, this.baseUrl, path.join(userFolder, 'n8n.log'));
	}

	/** Makes the user folder, picks two free ports and installs the packed package. Does not start n8n. */
	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		fs.mkdirSync(instancesDir(), { recursive: true });
		const label = (options.name ?? 'n8n').replace(/[^\w.-]+/g, '-');
		const userFolder = fs.mkdtempSync(path.join(instancesDir(), `${label}-`));
		const [port, brokerPort, cliBrokerPort] = await freePorts(3);
		if (options.installPackage !== false) installPackageInto(userFolder);
		return new N8nInstance(userFolder, port, brokerPort, cliBrokerPort, options.env ?? {});
	}

	/** The n8n under test, e.g. { major: 2, version: '2.41.1', nodeVersion: 'v24.21.0', … }. */
	get runtime() {
		return n8nRuntime();
	}

	get logFile(): string {
		return this.server.logFile;
	}

	get pid(): number | undefined {
		return this.server.pid;
	}

	/** Everything n8n printed so far (all starts of this instance). */
	log(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	// ── before start: CLI ──────────────────────────────────────────────────────────────────────────

	/** One CLI call for all; plain `data` is encrypted by n8n on import. */
	async importCredentials(credentials: CredentialFixture[]): Promise<void> {
		if (credentials.length === 0) return;
		const file = this.writeFixtureFile('credentials.json', credentials);
		await runN8nCli(
			['import:credentials', `--input=${file}`],
			this.cliEnv,
			/Successfully imported \d+ credential/,
		);
	}

	/** One CLI call for all. Imports always store workflows inactive; see activate(). */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		if (workflows.length === 0) return;
		const missingId = workflows.find((workflow) => !workflow.id);
		if (missingId)
			throw new Error(`workflow "${missingId.name}" needs a fixed id to be activated and queried`);
		const dir = path.join(this.userFolder, 'fixtures', `workflows-${Date.now()}`);
		fs.mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, index) =>
			fs.writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow, null, '\t')),
		);
		await this.importWorkflowFiles(['--separate', `--input=${dir}`]);
		for (const workflow of workflows) this.importedWorkflows.set(workflow.id, workflow.name);
	}

	/**
	 * `n8n import:workflow <args>` as a user would type it, e.g. ['--input=workflows/x.json'] or
	 * ['--separate', '--input=workflows']. Returns what n8n printed.
	 */
	async importWorkflowFiles(args: string[]): Promise<string> {
		const { stdout, stderr } = await runN8nCli(
			['import:workflow', ...args],
			this.cliEnv,
			/Successfully imported \d+ workflow/,
		);
		return stdout + stderr;
	}

	/**
	 * Marks workflows active in the database; n8n registers them on the next start().
	 * n8n 1.x: `update:workflow --active=true`, one id per call (~2 s each), so when `ids` are all
	 * the imported workflows this uses one `--all` call instead.
	 * n8n 2.x: `publish:workflow --id=…` (update:workflow --active is deprecated there, and
	 * publish refuses --all). On a running server use activateViaApi().
	 */
	async activate(ids: string[]): Promise<void> {
		if (this.server.isRunning)
			throw new Error('activate() only works before start(); use activateViaApi()');
		const unique = [...new Set(ids)];
		const unknown = unique.filter((id) => !this.importedWorkflows.has(id));
		// Both commands "succeed" for an unknown id and change nothing.
		if (unknown.length > 0)
			throw new Error(`activate(): not imported into this instance: ${unknown.join(', ')}`);
		for (const id of unique) this.activatedBeforeStart.add(id);
		if (n8nMajor() === 2) {
			for (const id of unique)
				await runN8nCli(
					['publish:workflow', `--id=${id}`],
					this.cliEnv,
					/Publishing workflow with ID/,
				);
			return;
		}
		const everything = unique.length === this.importedWorkflows.size;
		if (everything && unique.length > 1) {
			await runN8nCli(
				['update:workflow', '--all', '--active=true'],
				this.cliEnv,
				/Activating all workflows/,
			);
			return;
		}
		for (const id of unique) {
			await runN8nCli(
				['update:workflow', `--id=${id}`, '--active=true'],
				this.cliEnv,
				/Activating workflow with ID/,
			);
		}
	}

	/** `n8n list:workflow`: every stored workflow as { id, name } (works with the server stopped). */
	async listWorkflows(): Promise<Array<{ id: string; name: string }>> {
		const { stdout } = await runN8nCli(['list:workflow'], this.cliEnv);
		return stdout
			.split('\n')
			.map((line) => /^([A-Za-z0-9]{16})\|(.*)$/.exec(line.trim()))
			.filter((match): match is RegExpExecArray => match !== null)
			.map((match) => ({ id: match[1], name: match[2] }));
	}

	// ── the server ─────────────────────────────────────────────────────────────────────────────────

	/**
	 * Starts `n8n start` and waits until it serves webhooks; on failure the error carries the log tail.
	 * Fails if a workflow passed to activate() could not be activated (e.g. a trigger's webhook
	 * registration with the provider failed), with n8n's reason, unless `allowActivationErrors`.
	 */
	async start({ timeoutMs = 90_000, allowActivationErrors = false } = {}): Promise<void> {
		const logOffset = this.log().length;
		await this.server.start(timeoutMs);
		const failed =
			n8nMajor() === 2
				? await this.waitForStartPublications()
				: await this.waitForStartActivations(logOffset);
		if (allowActivationErrors || failed.length === 0) return;
		const reasons = await Promise.all(
			failed.map(async (id) => `${id}: ${await this.activationError(id)}`),
		);
		throw new Error(`workflows failed to activate at start:\n${reasons.join('\n')}`);
	}

	/**
	 * 1.x activates every active workflow during start and logs one line about each (we wait for
	 * them anyway, in case a line comes after the editor line). Returns the ids that failed.
	 */
	private async waitForStartActivations(logOffset: number): Promise<string[]> {
		const ids = [...this.activatedBeforeStart];
		const startLog = await waitFor(
			async () => {
				const since = this.log().slice(logOffset);
				return ids.every((id) => this.activationReported(since, id)) ? since : undefined;
			},
			{
				timeoutMs: 60_000,
				describe: () =>
					`n8n never reported on activating ${ids.filter((id) => !this.activationReported(this.log().slice(logOffset), id)).join(', ')}`,
			},
		);
		return ids.filter((id) =>
			startLog.includes(`Issue on initial workflow activation try of ${this.logName(id)}`),
		);
	}

	/**
	 * 2.x publishes active workflows after the editor line, in the background (outbox consumer and
	 * a reconciler), logging nothing at info level; webhooks answer 404 until then. Waits for each
	 * workflow's publication status to settle. Returns the ids that did not fully publish.
	 */
	private async waitForStartPublications(): Promise<string[]> {
		const failed: string[] = [];
		for (const id of this.activatedBeforeStart) {
			const status = await this.waitForPublication(id, ['published', 'partial', 'failed']);
			if (status.status !== 'published') failed.push(id);
		}
		return failed;
	}

	/** How n8n names a workflow in its log lines (formatWorkflow in both majors). */
	private logName(id: string): string {
		return `"${this.importedWorkflows.get(id) ?? ''}" (ID: ${id})`;
	}

	/** n8n logs one of these at start for every active workflow that has a trigger. */
	private activationReported(log: string, id: string): boolean {
		const name = this.logName(id);
		return (
			log.includes(`Activated workflow ${name}`) ||
			log.includes(`Issue on initial workflow activation try of ${name}`)
		);
	}

	/**
	 * n8n's stored reason why a workflow could not be activated, if any. On 2.x that is also each
	 * failed trigger's message from the publication status (what the editor shows the user).
	 */
	async activationError(workflowId: string): Promise<string | undefined> {
		const messages: string[] = [];
		if (n8nMajor() === 2) {
			const status = await this.publicationStatus(workflowId);
			for (const trigger of status.triggers)
				if (trigger.errorMessage) messages.push(trigger.errorMessage);
		}
		const response = await this.rest('GET', `/active-workflows/error/${workflowId}`);
		const data = (response.body as { data?: unknown }).data;
		if (data !== null && data !== undefined)
			messages.push(typeof data === 'string' ? data : JSON.stringify(data));
		return messages.length > 0 ? [...new Set(messages)].join('\n') : undefined;
	}

	/**
	 * n8n 2.x only: GET /rest/workflows/<id>/publication-status, which the editor polls to show
	 * "Published", "Partial publish" or "Failed publish" and, per trigger node, why it failed.
	 */
	async publicationStatus(workflowId: string): Promise<PublicationStatus> {
		const response = await this.rest('GET', `/workflows/${workflowId}/publication-status`);
		this.expectOk(response, `publication status of ${workflowId}`);
		const body = response.body as { data?: PublicationStatus } & PublicationStatus;
		return body.data ?? body;
	}

	/** n8n 2.x applies (de)activations asynchronously (outbox); waits until one has settled. */
	private async waitForPublication(
		workflowId: string,
		settled: ReadonlyArray<PublicationStatus['status']>,
	): Promise<PublicationStatus> {
		let last: PublicationStatus | undefined;
		return await waitFor(
			async () => {
				last = await this.publicationStatus(workflowId);
				return settled.includes(last.status) ? last : undefined;
			},
			{
				timeoutMs: 60_000,
				describe: () => `publication of ${workflowId} still ${JSON.stringify(last)}`,
			},
		);
	}

	/** Graceful stop by PID; SIGKILL if n8n is still running after `graceMs`. */
	async stop(graceMs = 10_000): Promise<void> {
		await this.server.stop(graceMs);
	}

	/**
	 * Waits until a production webhook path is registered, without starting an execution: it asks
	 * with a CORS preflight (OPTIONS + Origin), which n8n answers 404 for unregistered paths. Without
	 * an Origin header n8n answers every OPTIONS with 204, registered or not.
	 */
	async waitForWebhook(webhookPath: string, timeoutMs = 30_000): Promise<void> {
		let last: HttpResponse | undefined;
		const preflight = { origin: this.baseUrl, 'access-control-request-method': 'POST' };
		await waitFor(
			async () => {
				last = await this.webhook('OPTIONS', webhookPath, undefined, { headers: preflight });
				return last.status === 404 ? undefined : true;
			},
			{
				timeoutMs,
				describe: () =>
					`webhook ${webhookPath} still answers ${last?.status} ${last?.text.slice(0, 200)}`,
			},
		);
	}

	/** POST to the production URL /webhook/<path>. A string body is sent as is (set content-type yourself). */
	async post(
		webhookPath: string,
		body: unknown,
		headers: Record<string, string> = {},
		query: Record<string, string> = {},
	): Promise<HttpResponse> {
		return await this.webhook('POST', webhookPath, body, { headers, query });
	}

	/** Any method to a webhook URL (GET webhooks, HEAD, test URLs with prefix 'webhook-test'). */
	async webhook(
		method: string,
		webhookPath: string,
		body?: unknown,
		options: WebhookRequestOptions = {},
	): Promise<HttpResponse> {
		const url = new URL(
			`${this.baseUrl}/${options.prefix ?? 'webhook'}/${webhookPath.replace(/^\//, '')}`,
		);
		for (const [key, value] of Object.entries(options.query ?? {}))
			url.searchParams.set(key, value);
		return await httpRequest({ method, url: url.toString(), headers: options.headers, body });
	}

	// ── the server: authenticated APIs (owner + API key created on first use) ─────────────────────

	/** Internal REST API with the owner's cookie: `rest('GET', '/credentials')` → /rest/credentials. */
	async rest(method: string, restPath: string, body?: unknown): Promise<HttpResponse> {
		return await this.asOwner(method, `/rest${restPath}`, body);
	}

	/** Public API with the owner's API key: `publicApi('GET', '/workflows')` → /api/v1/workflows. */
	async publicApi(method: string, apiPath: string, body?: unknown): Promise<HttpResponse> {
		const { apiKey } = await this.ownerSession();
		return await httpRequest({
			method,
			url: `${this.baseUrl}/api/v1${apiPath}`,
			headers: { 'x-n8n-api-key': apiKey },
			body,
		});
	}

	/**
	 * Returns once the workflow's triggers are registered (or failed to register: see
	 * activationError()). On 1.x the API call itself does that. On 2.x it answers 200 active:true
	 * at once, even if a trigger will fail, and n8n publishes in the background.
	 */
	async activateViaApi(workflowId: string): Promise<void> {
		this.expectOk(
			await this.publicApi('POST', `/workflows/${workflowId}/activate`),
			`activating ${workflowId}`,
		);
		if (n8nMajor() === 2)
			await this.waitForPublication(workflowId, ['published', 'partial', 'failed']);
	}

	/** Returns once the triggers are removed (asynchronous on 2.x, as activation). */
	async deactivateViaApi(workflowId: string): Promise<void> {
		this.expectOk(
			await this.publicApi('POST', `/workflows/${workflowId}/deactivate`),
			`deactivating ${workflowId}`,
		);
		if (n8nMajor() === 2) await this.waitForPublication(workflowId, ['not_published']);
	}

	/** Every node type n8n loaded, as `<package>.<name>` (e.g. n8n-nodes-base.webhook); one entry per type. */
	async loadedNodeTypes(): Promise<string[]> {
		const response = await this.asOwner('GET', '/types/nodes.json');
		this.expectOk(response, 'GET /types/nodes.json');
		return [...new Set((response.body as Array<{ name: string }>).map((type) => type.name))];
	}

	/** Every credential type n8n loaded (credential names carry no package prefix). */
	async loadedCredentialTypes(): Promise<string[]> {
		const response = await this.asOwner('GET', '/types/credentials.json');
		this.expectOk(response, 'GET /types/credentials.json');
		return (response.body as Array<{ name: string }>).map((type) => type.name);
	}

	/** Saved executions of a workflow, oldest first, with their run data. */
	async executions(workflowId: string): Promise<N8nExecution[]> {
		const found = await this.listExecutions<PublicApiExecution>({
			workflowId,
			includeData: 'true',
		});
		return found.map(toExecution).sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** Every page of the public API's execution list (finished executions only). */
	private async listExecutions<T>(filter: Record<string, string>): Promise<T[]> {
		const found: T[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ ...filter, limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const response = await this.publicApi('GET', `/executions?${query.toString()}`);
			this.expectOk(response, `listing executions ${JSON.stringify(filter)}`);
			const page = response.body as { data: T[]; nextCursor: string | null };
			found.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return found;
	}

	/**
	 * Where any of the secrets appears in plain text in what n8n keeps: its log, and every file
	 * of its user folder (the SQLite database with execution data and error messages, its WAL,
	 * settings) except the installed community packages. Credentials are stored encrypted, so a
	 * secret found here leaked through an output, an error, a log line or static data.
	 */
	leaksOf(secrets: Record<string, string>): string[] {
		const files = [this.logFile, ...filesUnder(path.join(this.userFolder, '.n8n'), ['nodes'])];
		const found: string[] = [];
		for (const file of files) {
			if (!fs.existsSync(file)) continue;
			const content = fs.readFileSync(file);
			for (const [name, secret] of Object.entries(secrets)) {
				if (secret.length >= 8 && content.includes(secret)) {
					found.push(`${name} in ${path.relative(this.userFolder, file)}`);
				}
			}
		}
		return found;
	}

	/**
	 * The highest execution id saved so far in any workflow (0 when none). n8n numbers executions
	 * one by one as it creates them, so "the next run got id last + 1" proves no other run started
	 * in between, even one still running (the public API lists only finished runs).
	 */
	async lastExecutionId(): Promise<number> {
		return Math.max(0, ...(await this.finishedExecutionIds()));
	}

	/**
	 * Resolves with the highest execution id once every execution n8n created has finished: the
	 * finished ones listed are exactly 1…highest. A baseline taken before that could still move.
	 */
	async waitUntilIdle(timeoutMs = 30_000): Promise<number> {
		let ids: number[] = [];
		return await waitFor(
			async () => {
				ids = await this.finishedExecutionIds();
				const highest = Math.max(0, ...ids);
				return ids.length === highest ? highest : undefined;
			},
			{
				timeoutMs,
				describe: () => `executions still running: finished ids ${ids.join(', ') || 'none'}`,
			},
		);
	}

	private async finishedExecutionIds(): Promise<number[]> {
		const all = await this.listExecutions<{ id: string | number }>({});
		return all.map((execution) => Number(execution.id));
	}

	/** Waits until at least `count` executions of the workflow exist and all of them have finished. */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 30_000,
	): Promise<N8nExecution[]> {
		let last: N8nExecution[] = [];
		return await waitFor(
			async () => {
				last = await this.executions(workflowId);
				return last.length >= count && last.every(isFinished) ? last : undefined;
			},
			{
				timeoutMs,
				describe: () =>
					`expected ${count} finished executions of ${workflowId}, have ${last.map((e) => `${e.id}:${e.status}`).join(', ') || 'none'}`,
			},
		);
	}

	// ── helpers ────────────────────────────────────────────────────────────────────────────────────

	private async asOwner(method: string, urlPath: string, body?: unknown): Promise<HttpResponse> {
		const { cookie } = await this.ownerSession();
		return await httpRequest({
			method,
			url: `${this.baseUrl}${urlPath}`,
			headers: { cookie },
			body,
		});
	}

	private async ownerSession(): Promise<OwnerSession> {
		if (!this.server.isRunning)
			throw new Error('the REST and public APIs need a running server: call start() first');
		this.session ??= await createOwnerSession(this.baseUrl);
		return this.session;
	}

	private expectOk(response: HttpResponse, what: string): void {
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${what}: HTTP ${response.status} ${response.text.slice(0, 500)}`);
		}
	}

	private writeFixtureFile(name: string, content: unknown): string {
		const dir = path.join(this.userFolder, 'fixtures');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${Date.now()}-${name}`);
		fs.writeFileSync(file, JSON.stringify(content, null, '\t'));
		return file;
	}
}

/** Every file below dir, skipping the named top-level folders. */
function filesUnder(dir: string, skip: string[] = []): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return skip.includes(entry.name) ? [] : filesUnder(full);
		return entry.isFile() ? [full] : [];
	});
}
