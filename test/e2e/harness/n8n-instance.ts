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
import { instancesDir } from './paths';
import { waitFor } from './wait';

/** Fixed so that CLI imports and the server agree; it only protects throwaway test data. */
export const E2E_ENCRYPTION_KEY = 'omnichannel-e2e-encryption-key-not-secret';

export interface N8nInstanceOptions {
	/** A label for the user folder name (e.g. the test file's name). */
	name?: string;
	/** Extra n8n environment, e.g. { N8N_EXPRESSION_ENGINE: 'legacy' }. */
	env?: Record<string, string>;
	/** Install the packed package under test (default true). */
	installPackage?: boolean;
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
	private readonly server: N8nProcess;
	private readonly importedWorkflowIds = new Set<string>();
	private readonly activatedBeforeStart = new Set<string>();
	private session: OwnerSession | undefined;

	private constructor(
		readonly userFolder: string,
		readonly port: number,
		readonly brokerPort: number,
		extraEnv: Record<string, string>,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.env = n8nEnv({
			userFolder,
			port,
			brokerPort,
			encryptionKey: E2E_ENCRYPTION_KEY,
			extra: extraEnv,
		});
		this.server = new N8nProcess(this.env, this.baseUrl, path.join(userFolder, 'n8n.log'));
	}

	/** Makes the user folder, picks two free ports and installs the packed package. Does not start n8n. */
	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		fs.mkdirSync(instancesDir(), { recursive: true });
		const label = (options.name ?? 'n8n').replace(/[^\w.-]+/g, '-');
		const userFolder = fs.mkdtempSync(path.join(instancesDir(), `${label}-`));
		const [port, brokerPort] = await freePorts(2);
		if (options.installPackage !== false) installPackageInto(userFolder);
		return new N8nInstance(userFolder, port, brokerPort, options.env ?? {});
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
			this.env,
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
		await runN8nCli(
			['import:workflow', '--separate', `--input=${dir}`],
			this.env,
			/Successfully imported \d+ workflow/,
		);
		for (const workflow of workflows) this.importedWorkflowIds.add(workflow.id);
	}

	/**
	 * Marks workflows active in the database; n8n registers them on the next start().
	 * `update:workflow` takes one id per call (~2 s each), so when `ids` are all the imported
	 * workflows this uses one `--all` call instead. On a running server use activateViaApi().
	 */
	async activate(ids: string[]): Promise<void> {
		if (this.server.isRunning)
			throw new Error('activate() only works before start(); use activateViaApi()');
		const unique = [...new Set(ids)];
		const unknown = unique.filter((id) => !this.importedWorkflowIds.has(id));
		// update:workflow with an unknown id changes nothing and still succeeds.
		if (unknown.length > 0)
			throw new Error(`activate(): not imported into this instance: ${unknown.join(', ')}`);
		for (const id of unique) this.activatedBeforeStart.add(id);
		const everything =
			unique.length === this.importedWorkflowIds.size &&
			unique.every((id) => this.importedWorkflowIds.has(id));
		if (everything && unique.length > 1) {
			await runN8nCli(
				['update:workflow', '--all', '--active=true'],
				this.env,
				/Activating all workflows/,
			);
			return;
		}
		for (const id of unique) {
			await runN8nCli(
				['update:workflow', `--id=${id}`, '--active=true'],
				this.env,
				/Activating workflow with ID/,
			);
		}
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
		if (allowActivationErrors) return;
		const startLog = this.log().slice(logOffset);
		const failed = [...this.activatedBeforeStart].filter(
			(id) =>
				startLog.includes(`Issue on initial workflow activation try of`) &&
				startLog.includes(`(ID: ${id}) (startup)`),
		);
		if (failed.length === 0) return;
		const reasons = await Promise.all(
			failed.map(async (id) => `${id}: ${await this.activationError(id)}`),
		);
		throw new Error(`workflows failed to activate at start:\n${reasons.join('\n')}`);
	}

	/** n8n's stored reason why a workflow could not be activated, if any. */
	async activationError(workflowId: string): Promise<string | undefined> {
		const response = await this.rest('GET', `/active-workflows/error/${workflowId}`);
		const data = (response.body as { data?: unknown }).data;
		return data === null || data === undefined
			? undefined
			: typeof data === 'string'
				? data
				: JSON.stringify(data);
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

	async activateViaApi(workflowId: string): Promise<void> {
		this.expectOk(
			await this.publicApi('POST', `/workflows/${workflowId}/activate`),
			`activating ${workflowId}`,
		);
	}

	async deactivateViaApi(workflowId: string): Promise<void> {
		this.expectOk(
			await this.publicApi('POST', `/workflows/${workflowId}/deactivate`),
			`deactivating ${workflowId}`,
		);
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
		const found: N8nExecution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const response = await this.publicApi('GET', `/executions?${query.toString()}`);
			this.expectOk(response, `listing executions of ${workflowId}`);
			const page = response.body as { data: PublicApiExecution[]; nextCursor: string | null };
			found.push(...page.data.map(toExecution));
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return found.sort((a, b) => Number(a.id) - Number(b.id));
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
