import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact } from '../conversation/event';
import { asNodeError } from '../transport/errors';

/** One resource/operation of an action node, run for one input item. */
export type ItemOperation<Context> = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: Context,
) => Promise<INodeExecutionData>;

/** resource → operation → implementation, as chosen by the node's Resource and Operation fields. */
export type OperationTable<Context> = Record<string, Record<string, ItemOperation<Context>>>;

export interface RunOperationsOptions<Context> {
	operations: OperationTable<Context>;
	/** What every operation of this node needs besides the item (e.g. the bot's id). */
	context: Context;
	/** Provider-specific fields for an error item, e.g. the ids of the parts already sent. */
	errorFields?(error: unknown): IDataObject;
}

/**
 * The action nodes' execute(): each item runs its resource/operation on its own, so one failed
 * item is reported as that item's error (with "On Error → Continue") and never stops or repeats
 * the others. Every output item is paired with the input item it came from.
 */
export async function runOperations<Context>(
	execution: IExecuteFunctions,
	options: RunOperationsOptions<Context>,
): Promise<INodeExecutionData[][]> {
	const items = execution.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = execution.getNodeParameter('resource', itemIndex) as string;
			const operation = execution.getNodeParameter('operation', itemIndex) as string;
			const run = options.operations[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(
					execution.getNode(),
					`The operation "${operation}" of resource "${resource}" is not supported.`,
					{ itemIndex },
				);
			}
			const result = await run.call(execution, itemIndex, options.context);
			output.push({ ...result, pairedItem: result.pairedItem ?? { item: itemIndex } });
		} catch (error) {
			const failure = asNodeError(execution.getNode(), error, itemIndex);
			if (!execution.continueOnFail()) throw failure;
			output.push({
				json: compact({
					error: failure.message,
					description: failure.description ?? undefined,
					...options.errorFields?.(error),
				}),
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
