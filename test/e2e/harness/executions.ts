import type { ExecutionStatus, INodeExecutionData, IRunData } from 'n8n-workflow';

/** One saved execution, as the public API returns it with includeData=true (fields tests need). */
export interface N8nExecution {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** Per node name, one entry per run of that node. */
	runData: IRunData;
	lastNodeExecuted?: string;
	/** The workflow-level error, when the execution failed. */
	error?: { message: string; description?: string; node?: { name: string } };
}

/** What the public API sends; only the fields we read. */
export interface PublicApiExecution {
	id: number | string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData?: { runData?: IRunData; lastNodeExecuted?: string; error?: N8nExecution['error'] };
	};
}

const FINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set([
	'success',
	'error',
	'canceled',
	'crashed',
]);

export function isFinished(execution: N8nExecution): boolean {
	return FINAL_STATUSES.has(execution.status);
}

export function toExecution(raw: PublicApiExecution): N8nExecution {
	const result = raw.data?.resultData;
	return {
		id: String(raw.id),
		workflowId: raw.workflowId,
		status: raw.status,
		mode: raw.mode,
		finished: raw.finished,
		startedAt: raw.startedAt,
		stoppedAt: raw.stoppedAt,
		runData: result?.runData ?? {},
		lastNodeExecuted: result?.lastNodeExecuted,
		error: result?.error,
	};
}

/**
 * The items one node produced: `nodeOutput(execution, 'Echo')` is the first output of its first
 * run; pass `output` for IF/Switch branches and `run` for nodes that ran more than once.
 */
export function nodeOutput(
	execution: N8nExecution,
	nodeName: string,
	{ output = 0, run = 0 }: { output?: number; run?: number } = {},
): INodeExecutionData[] {
	const runs = execution.runData[nodeName];
	if (!runs) {
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(execution.runData).join(', ') || 'nothing'}`,
		);
	}
	return runs[run]?.data?.main?.[output] ?? [];
}
