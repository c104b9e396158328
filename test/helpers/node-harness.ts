/**
 * Runs one node's methods (execute, webhook, trigger, webhookMethods, loadOptions/listSearch)
 * and a credential's test request with realistic n8n contexts, in the manner of n8n's own
 * TriggerHelpers / NodeTestHarness, but with real HTTP: helpers.httpRequestWithAuthentication
 * is n8n-core's own function over TestCredentialsHelper, so token refresh on 401 and the
 * NodeApiError wrapping are n8n's. One harness = one node in one workflow; credentials (and
 * tokens refreshed into them), static data and logs persist across its calls, as they do
 * across executions of an active workflow.
 */
import {
	NodeHelpers,
	NodeOperationError,
	Workflow,
	createDeferredPromise,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentialTestRequest,
	type IDataObject,
	type IDeferredPromise,
	type IGetNodeParameterOptions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
	type IRun,
	type ITriggerResponse,
	type IVersionedNodeType,
	type IWebhookDescription,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	httpRequest,
	httpRequestWithAuthentication,
} from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { returnJsonArray } from 'n8n-core/dist/execution-engine/node-execution-context/utils/return-json-array';
import { constructExecutionMetaData } from 'n8n-core/dist/execution-engine/node-execution-context/utils/construct-execution-metadata';
import { normalizeItems } from 'n8n-core/dist/execution-engine/node-execution-context/utils/normalize-items';
import { copyInputItems } from 'n8n-core/dist/execution-engine/node-execution-context/utils/copy-input-items';

import packageJson from '../../package.json';
import { TestCredentialsHelper, type CredentialStore } from './credentials-helper';
import { assertBinaryData, getBinaryDataBuffer, prepareBinaryData } from './binary';
import { getByPath, getNodeParameter, withDefaults, type ParameterScope } from './parameters';
import { createTestLogger, type LogEntry } from './test-logger';
import {
	RecordingResponse,
	createWebhookRequest,
	type TestWebhookRequestInput,
} from './webhook-io';

/** The npm package name: node types are `<package>.<node name>` in n8n. */
export const PACKAGE_NAME = packageJson.name;

export interface NodeHarnessOptions {
	/** Parameter values; missing ones take the description's defaults. */
	parameters?: INodeParameters;
	/** Decrypted credential data by credential type name (refreshed tokens are written back). */
	credentials?: CredentialStore;
	/** Credential classes, for defaults, preAuthentication, authenticate and test. */
	credentialTypes?: ICredentialType[];
	nodeName?: string;
	/** Full type name (default "n8n-nodes-omnichannel-ai.<description.name>"). */
	nodeTypeName?: string;
	typeVersion?: number;
	webhookId?: string;
	/** What getExecutionId() answers (default "test-execution"). */
	executionId?: string;
	workflow?: { id?: string; name?: string; active?: boolean };
	/** n8n's base URL, e.g. "http://127.0.0.1:5678" (webhook URLs hang off it). */
	baseUrl?: string;
	mode?: WorkflowExecuteMode;
	continueOnFail?: boolean;
	/** Workflow static data to start from (kept and mutated across calls). */
	staticData?: IDataObject;
}

export interface CallOptions {
	/** Replaces the harness's parameters for this call (defaults still apply). */
	parameters?: INodeParameters;
	mode?: WorkflowExecuteMode;
	continueOnFail?: boolean;
	signal?: AbortSignal;
}

export interface TriggerRun {
	response: ITriggerResponse | undefined;
	/** Every emit's data, in order. */
	emitted: INodeExecutionData[][][];
	/**
	 * A copy of the workflow's static data at each emit: what n8n would have persisted when the
	 * run started, so a test can prove state was saved before the items went out.
	 */
	staticDataAtEmit: IDataObject[];
	errors: Error[];
	/**
	 * Tells the trigger that the run of emit number `index` (0-based) finished, through the
	 * donePromise it passed to emit(). Without `holdRuns`, every run finishes right after its emit.
	 */
	finishRun(index: number): void;
	/** Resolves once at least `count` emits happened. */
	waitForEmit(count?: number, timeoutMs?: number): Promise<INodeExecutionData[][][]>;
	/** Calls the trigger's closeFunction (as n8n does on deactivation). */
	close(): Promise<void>;
}

type AnyNodeType = INodeType | IVersionedNodeType;

interface Prepared {
	node: INode;
	nodeType: INodeType;
	workflow: Workflow;
	mode: WorkflowExecuteMode;
	additionalData: IWorkflowExecuteAdditionalData;
	scope: (items: INodeExecutionData[]) => ParameterScope;
}

const NO_OP_TYPE = 'n8n-nodes-base.noOp';

function descriptionOf(nodeType: AnyNodeType): INodeType['description'] {
	if ('nodeVersions' in nodeType) {
		return NodeHelpers.getVersionedNodeType(nodeType, nodeType.currentVersion).description;
	}
	return nodeType.description;
}

function defaultVersion(nodeType: AnyNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version, defaultVersion: preferred } = nodeType.description;
	return preferred ?? (Array.isArray(version) ? Math.max(...version) : version);
}

export class NodeHarness {
	readonly credentials: CredentialStore;
	readonly credentialsHelper: TestCredentialsHelper;
	readonly staticData: IDataObject;
	readonly logs: LogEntry[] = [];
	private readonly logger = createTestLogger(this.logs);

	constructor(
		readonly nodeType: AnyNodeType,
		readonly options: NodeHarnessOptions = {},
	) {
		this.credentials = options.credentials ?? {};
		this.credentialsHelper = new TestCredentialsHelper(
			options.credentialTypes ?? [],
			this.credentials,
		);
		this.staticData = options.staticData ?? {};
	}

	/** Runs execute() over the items (default one empty item) and returns its output. */
	async execute(
		items: INodeExecutionData[] = [{ json: {} }],
		call: CallOptions = {},
	): Promise<INodeExecutionData[][] | null> {
		const prepared = this.prepare(call);
		const { nodeType, scope } = prepared;
		if (!nodeType.execute) throw new Error(`${nodeType.description.name} has no execute()`);
		const context = {
			...this.baseContext(prepared, call),
			getInputData: (inputIndex = 0) => (inputIndex === 0 ? items : []),
			getNodeParameter: (
				name: string,
				itemIndex: number,
				fallback?: unknown,
				options?: IGetNodeParameterOptions,
			) => getNodeParameter(scope(items), name, itemIndex, fallback, options),
			evaluateExpression: (expression: string, itemIndex: number) =>
				prepared.workflow.expression.getParameterValue(
					expression,
					null,
					0,
					itemIndex,
					prepared.node.name,
					items,
					prepared.mode,
					{},
				),
			getExecuteData: () => ({ node: prepared.node, data: { main: [items] }, source: null }),
			getInputSourceData: () => ({ previousNode: 'Previous Node' }),
			// Only execute contexts have these in n8n-core (BaseExecuteContext); httpRequestWithAuthentication
			// replaces a request's abortSignal with this one wherever it exists.
			getExecutionCancelSignal: () => call.signal,
			onExecutionCancellation: (handler: () => unknown) =>
				call.signal?.addEventListener('abort', () => void handler()),
			sendMessageToUI: () => undefined,
			addExecutionHints: () => undefined,
		};
		this.addBinaryHelpers(context, items);
		return (await nodeType.execute.call(context as never)) as INodeExecutionData[][] | null;
	}

	/** Runs webhook() for a request; returns its result and what it answered. */
	async webhook(
		requestInput: TestWebhookRequestInput & { webhookName?: string },
		call: CallOptions = {},
	): Promise<{ result: IWebhookResponseData; response: RecordingResponse }> {
		const prepared = this.prepare(call);
		const { nodeType, scope } = prepared;
		if (!nodeType.webhook) throw new Error(`${nodeType.description.name} has no webhook()`);
		const request = createWebhookRequest(requestInput);
		const response = new RecordingResponse();
		const webhookName = requestInput.webhookName ?? 'default';
		const context = {
			...this.baseContext(prepared, call),
			getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
				getNodeParameter(scope([]), name, 0, fallback, options),
			getBodyData: () => request.body as IDataObject,
			getHeaderData: () => request.headers,
			getQueryData: () => request.query,
			getParamsData: () => request.params,
			getRequestObject: () => request,
			getResponseObject: () => response,
			getWebhookName: () => webhookName,
			getNodeWebhookUrl: (name: string) => this.webhookUrlFor(prepared, name),
			getChildNodes: () => [],
			getParentNodes: () => [],
			getInputData: () => [],
		};
		const result = await nodeType.webhook.call(context as never);
		return { result, response };
	}

	/** Starts trigger(); emitted items are collected until close(). */
	async trigger(
		call: CallOptions & { activation?: WorkflowActivateMode; holdRuns?: boolean } = {},
	): Promise<TriggerRun> {
		const prepared = this.prepare({ mode: 'trigger', ...call });
		const { nodeType, scope } = prepared;
		if (!nodeType.trigger) throw new Error(`${nodeType.description.name} has no trigger()`);
		const emitted: INodeExecutionData[][][] = [];
		const runsDone: Array<IDeferredPromise<IRun> | undefined> = [];
		const finishRun = (index: number): void => runsDone[index]?.resolve({} as IRun);
		const staticDataAtEmit: IDataObject[] = [];
		const errors: Error[] = [];
		const waiters: Array<() => void> = [];
		const notify = (): void => waiters.splice(0).forEach((wake) => wake());
		const context = {
			...this.baseContext(prepared, call),
			getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
				getNodeParameter(scope([]), name, 0, fallback, options),
			getActivationMode: () => call.activation ?? 'activate',
			emit: (data: INodeExecutionData[][], _response?: unknown, done?: IDeferredPromise<IRun>) => {
				staticDataAtEmit.push(JSON.parse(JSON.stringify(this.staticData)) as IDataObject);
				emitted.push(data);
				runsDone.push(done);
				if (!call.holdRuns) finishRun(runsDone.length - 1);
				notify();
			},
			emitError: (error: Error) => {
				errors.push(error);
				notify();
			},
			saveFailedExecution: (error: Error) => {
				errors.push(error);
				notify();
			},
		};
		const response = (await nodeType.trigger.call(context as never)) ?? undefined;
		const waitForEmit = async (count = 1, timeoutMs = 5000): Promise<INodeExecutionData[][][]> => {
			const deadline = Date.now() + timeoutMs;
			while (emitted.length < count) {
				const left = deadline - Date.now();
				if (left <= 0)
					throw new Error(
						`Trigger emitted ${emitted.length} time(s), expected ${count} within ${timeoutMs} ms`,
					);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			return emitted;
		};
		return {
			response,
			emitted,
			staticDataAtEmit,
			errors,
			finishRun,
			waitForEmit,
			close: async () => {
				await response?.closeFunction?.();
			},
		};
	}

	/** Runs webhookMethods[webhookName][method] (activation: create; deactivation: delete). */
	async webhookMethod(
		method: 'checkExists' | 'create' | 'delete',
		call: CallOptions & { webhookName?: string; activation?: WorkflowActivateMode } = {},
	): Promise<boolean> {
		const prepared = this.prepare({ mode: 'trigger', ...call });
		const { nodeType, scope } = prepared;
		const webhookName = call.webhookName ?? 'default';
		const methods = nodeType.webhookMethods as
			| Record<string, Record<string, (this: never) => Promise<boolean>> | undefined>
			| undefined;
		const fn = methods?.[webhookName]?.[method];
		if (!fn)
			throw new Error(
				`${nodeType.description.name} has no webhookMethods.${webhookName}.${method}`,
			);
		const context = {
			...this.baseContext(prepared, call),
			getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
				getNodeParameter(scope([]), name, 0, fallback, options),
			getActivationMode: () => call.activation ?? 'activate',
			getWebhookName: () => webhookName,
			getWebhookDescription: (name: string) => this.webhookDescription(prepared, name),
			getNodeWebhookUrl: (name: string) => this.webhookUrlFor(prepared, name),
		};
		return await fn.call(context as never);
	}

	/** Runs methods.loadOptions[methodName]. */
	async loadOptions(methodName: string, call: CallOptions = {}): Promise<INodePropertyOptions[]> {
		const prepared = this.prepare(call);
		const fn = prepared.nodeType.methods?.loadOptions?.[methodName];
		if (!fn)
			throw new Error(
				`${prepared.nodeType.description.name} has no methods.loadOptions.${methodName}`,
			);
		return await fn.call(this.optionsContext(prepared, call) as never);
	}

	/** Runs methods.listSearch[methodName]. */
	async listSearch(
		methodName: string,
		filter?: string,
		paginationToken?: string,
		call: CallOptions = {},
	): Promise<INodeListSearchResult> {
		const prepared = this.prepare(call);
		const fn = prepared.nodeType.methods?.listSearch?.[methodName];
		if (!fn)
			throw new Error(
				`${prepared.nodeType.description.name} has no methods.listSearch.${methodName}`,
			);
		return await fn.call(this.optionsContext(prepared, call) as never, filter, paginationToken);
	}

	/** The production (or, in manual mode, test) URL of one of the node's webhooks. */
	webhookUrl(name = 'default', call: CallOptions = {}): string {
		return this.webhookUrlFor(this.prepare(call), name);
	}

	/**
	 * Runs a credential's test request the way n8n's CredentialsTester does: a temporary node
	 * with the credential, the request's ={{$credentials.x}} resolved, preAuthentication forced,
	 * authenticate applied, and n8n's mapping of failures to {status:'Error', message}.
	 */
	async testCredential(
		typeName: string,
		data: ICredentialDataDecryptedObject = this.credentials[typeName] ?? {},
	): Promise<INodeCredentialTestResult> {
		const credentialType = this.credentialsHelper.getCredentialType(typeName);
		const test: ICredentialTestRequest | undefined = credentialType?.test;
		if (!credentialType || !test)
			return { status: 'Error', message: 'No testing function found for this credential.' };
		const decrypted = NodeHelpers.getNodeParameters(
			credentialType.properties,
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		const node: INode = {
			id: 'temp',
			name: 'Temp-Node',
			type: NO_OP_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { temp: '' },
			credentials: { [typeName]: { id: `test-${typeName}`, name: `${typeName} (test)` } },
		};
		const noOp = {
			description: {
				name: NO_OP_TYPE,
				displayName: 'No Op',
				version: 1,
				properties: [],
				defaults: {},
				inputs: [],
				outputs: [],
				group: [],
				description: '',
			},
		} as unknown as INodeType;
		const nodeTypes: INodeTypes = {
			getByName: () => noOp,
			getByNameAndVersion: () => noOp,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const request = workflow.expression.getComplexParameterValue(
			node,
			test.request as unknown as INodeParameters,
			'internal',
			{ $credentials: decrypted } as IDataObject,
		) as unknown as IHttpRequestOptions;
		const context = {
			getNode: () => node,
			getCredentials: async () => decrypted,
			helpers: { httpRequest },
		};
		const additionalData = {
			credentialsHelper: this.credentialsHelper,
		} as unknown as IWorkflowExecuteAdditionalData;
		let response: unknown;
		try {
			response = await httpRequestWithAuthentication.call(
				context as never,
				typeName,
				{ method: 'GET', json: true, ...request },
				workflow,
				node,
				additionalData,
				{ credentialsDecrypted: { id: 'test', name: 'test', type: typeName, data: decrypted } },
			);
		} catch (error) {
			const cause = (
				error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
			).cause;
			if (cause?.response) {
				const { status, statusText } = cause.response;
				for (const rule of test.rules ?? []) {
					if (rule.type === 'responseCode' && rule.properties.value === status) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (status < 199 || status > 299) {
					return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
				}
			} else if (cause?.code) {
				return { status: 'Error', message: cause.code };
			}
			return { status: 'Error', message: String((error as Error).message) };
		}
		for (const rule of test.rules ?? []) {
			if (
				rule.type === 'responseSuccessBody' &&
				getByPath(response, rule.properties.key) === rule.properties.value
			) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	private prepare(call: CallOptions): Prepared {
		const version = this.options.typeVersion ?? defaultVersion(this.nodeType);
		const nodeType =
			'nodeVersions' in this.nodeType
				? NodeHelpers.getVersionedNodeType(this.nodeType, version)
				: this.nodeType;
		const description = nodeType.description ?? descriptionOf(this.nodeType);
		const node: INode = {
			id: 'node-under-test',
			name: this.options.nodeName ?? description.defaults?.name ?? description.displayName,
			type: this.options.nodeTypeName ?? `${PACKAGE_NAME}.${description.name}`,
			typeVersion: version,
			position: [0, 0],
			parameters: {},
			webhookId: this.options.webhookId ?? '6f5c1d0e-3b7a-4c2e-9d41-0a8f2e7b9c11',
			credentials: Object.fromEntries(
				Object.keys(this.credentials).map((type) => [
					type,
					{ id: `cred-${type}`, name: `${type} account` },
				]),
			),
		};
		node.parameters = withDefaults(
			description,
			call.parameters ?? this.options.parameters ?? {},
			node,
		);
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({
			id: this.options.workflow?.id ?? 'wf-under-test',
			name: this.options.workflow?.name ?? 'Workflow under test',
			nodes: [node],
			connections: {},
			active: this.options.workflow?.active ?? true,
			nodeTypes,
			// n8n wraps static data in an observable proxy; mutations reach this object.
			staticData: this.staticData,
		});
		const mode = call.mode ?? this.options.mode ?? 'manual';
		const additionalData = {
			credentialsHelper: this.credentialsHelper,
		} as unknown as IWorkflowExecuteAdditionalData;
		return {
			node,
			nodeType,
			workflow,
			mode,
			additionalData,
			scope: (items) => ({ workflow, node, nodeType, mode, items }),
		};
	}

	private baseContext(prepared: Prepared, call: CallOptions): Record<string, unknown> {
		const { node, workflow, mode, additionalData } = prepared;
		const context: Record<string, unknown> = {
			getNode: () => node,
			getWorkflow: () => ({ id: workflow.id, name: workflow.name, active: workflow.active }),
			getMode: () => mode,
			getTimezone: () => 'UTC',
			getInstanceId: () => 'test-instance',
			getExecutionId: () => this.options.executionId ?? 'test-execution',
			getInstanceBaseUrl: () => `${this.baseUrl}/`,
			getRestApiUrl: () => `${this.baseUrl}/rest`,
			getWorkflowStaticData: (type: string) => workflow.getStaticData(type, node),
			getCredentials: async (type: string) => this.readCredentials(type, node),
			continueOnFail: () => call.continueOnFail ?? this.options.continueOnFail ?? false,
			logger: this.logger,
		};
		const helpers: Record<string, unknown> = {
			httpRequest,
			httpRequestWithAuthentication: async (
				credentialsType: string,
				requestOptions: IHttpRequestOptions,
				additionalCredentialOptions?: Parameters<typeof httpRequestWithAuthentication>[5],
			) =>
				await httpRequestWithAuthentication.call(
					context as never,
					credentialsType,
					requestOptions,
					workflow,
					node,
					additionalData,
					additionalCredentialOptions,
				),
			returnJsonArray,
			constructExecutionMetaData,
			normalizeItems,
			copyInputItems,
			prepareBinaryData,
			createDeferredPromise,
			binaryToBuffer: async (body: Buffer | NodeJS.ReadableStream) => {
				if (Buffer.isBuffer(body)) return body;
				const chunks: Buffer[] = [];
				for await (const chunk of body) chunks.push(Buffer.from(chunk));
				return Buffer.concat(chunks);
			},
		};
		context.helpers = helpers;
		return context;
	}

	private addBinaryHelpers(context: Record<string, unknown>, items: INodeExecutionData[]): void {
		const helpers = context.helpers as Record<string, unknown>;
		const node = (context.getNode as () => INode)();
		helpers.getBinaryDataBuffer = async (itemIndex: number, propertyName: string) =>
			await getBinaryDataBuffer(items, itemIndex, propertyName);
		helpers.assertBinaryData = (itemIndex: number, propertyName: string) =>
			assertBinaryData(node, items, itemIndex, propertyName);
	}

	private optionsContext(prepared: Prepared, call: CallOptions): Record<string, unknown> {
		return {
			...this.baseContext(prepared, call),
			getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
				getNodeParameter(prepared.scope([]), name, 0, fallback, options),
			getCurrentNodeParameter: (name: string) =>
				getByPath(prepared.node.parameters, name.replace(/^parameters\./, '')),
			getCurrentNodeParameters: () => prepared.node.parameters,
		};
	}

	private readCredentials(type: string, node: INode): ICredentialDataDecryptedObject {
		const stored = this.credentials[type];
		if (stored === undefined) {
			throw new NodeOperationError(
				node,
				`Node "${node.name}" does not have any credentials of type "${type}" set`,
			);
		}
		const credentialType = this.credentialsHelper.getCredentialType(type);
		const data = credentialType
			? (NodeHelpers.getNodeParameters(
					credentialType.properties,
					stored as INodeParameters,
					true,
					false,
					null,
					null,
				) as ICredentialDataDecryptedObject)
			: stored;
		return structuredClone(data);
	}

	private get baseUrl(): string {
		return (this.options.baseUrl ?? 'http://127.0.0.1:5678').replace(/\/$/, '');
	}

	private webhookDescription(prepared: Prepared, name: string): IWebhookDescription | undefined {
		return prepared.nodeType.description.webhooks?.find((webhook) => webhook.name === name);
	}

	private webhookUrlFor(prepared: Prepared, name: string): string {
		const { node, workflow, mode } = prepared;
		const description = this.webhookDescription(prepared, name);
		if (!description)
			throw new Error(`${prepared.nodeType.description.name} has no webhook named "${name}"`);
		const resolve = (value: unknown): unknown =>
			typeof value === 'string' || typeof value === 'boolean'
				? workflow.expression.getSimpleParameterValue(node, value, mode, {}, undefined)
				: value;
		const path = String(resolve(description.path) ?? '');
		const isFullPath = resolve(description.isFullPath) === true;
		const prefix = mode === 'manual' ? 'webhook-test' : 'webhook';
		return NodeHelpers.getNodeWebhookUrl(
			`${this.baseUrl}/${prefix}`,
			workflow.id,
			node,
			path,
			isFullPath,
		);
	}
}

/** One-shot helpers over a fresh harness. */
export async function runExecute(
	nodeType: AnyNodeType,
	items: INodeExecutionData[] = [{ json: {} }],
	options: NodeHarnessOptions = {},
): Promise<INodeExecutionData[][] | null> {
	return await new NodeHarness(nodeType, options).execute(items);
}

export async function runWebhook(
	nodeType: AnyNodeType,
	request: TestWebhookRequestInput & { webhookName?: string },
	options: NodeHarnessOptions = {},
): Promise<{ result: IWebhookResponseData; response: RecordingResponse }> {
	return await new NodeHarness(nodeType, options).webhook(request);
}

export async function runTrigger(
	nodeType: AnyNodeType,
	options: NodeHarnessOptions = {},
): Promise<TriggerRun> {
	return await new NodeHarness(nodeType, options).trigger();
}
