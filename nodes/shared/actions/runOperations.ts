import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../errors/inputError';
import { asNodeError } from '../transport/errors';
import { compact } from '../util/compact';
import type { OperationContext, OperationDefinition, ResourceDefinition } from './define';

export interface RunOperationsOptions<Extra> {
	resources: readonly ResourceDefinition[];
	/** What every operation of this node gets besides the item (e.g. the bot's id). */
	extra: Extra;
	/** Provider-specific fields for an error item, e.g. the ids of the parts already sent. */
	errorFields?(error: unknown): IDataObject;
}

/** "resource:operation" → operation, built from the definitions (the only place they are named). */
export function dispatchTable(
	resources: readonly ResourceDefinition[],
): Map<string, OperationDefinition> {
	const table = new Map<string, OperationDefinition>();
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const key = `${resource.value}:${operation.value}`;
			if (table.has(key)) throw new Error(`Operation ${key} is defined twice`);
			table.set(key, operation);
		}
	}
	return table;
}

/**
 * The action nodes' execute(): each item runs its resource/operation on its own, so one failed
 * item is reported as that item's error (with "On Error → Continue") and never stops or repeats
 * the others. Every output item is paired with the input item it came from.
 */
export async function runOperations<Extra extends object>(
	execution: IExecuteFunctions,
	options: RunOperationsOptions<Extra>,
): Promise<INodeExecutionData[][]> {
	const items = execution.getInputData();
	const table = dispatchTable(options.resources);
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = execution.getNodeParameter('resource', itemIndex) as string;
			const operation = execution.getNodeParameter('operation', itemIndex) as string;
			const definition = table.get(`${resource}:${operation}`);
			if (!definition) {
				throw new InputError(
					`The operation "${operation}" of resource "${resource}" is not supported.`,
					'Pick the operation again in the node: this version of the node does not have it.',
				);
			}
			const context: OperationContext<Extra> = {
				...options.extra,
				execution,
				itemIndex,
				item: items[itemIndex],
				parameter: <T>(name: string, fallback?: T) =>
					execution.getNodeParameter(name, itemIndex, fallback) as T,
			};
			const result = await definition.execute(context);
			for (const one of Array.isArray(result) ? result : [result]) {
				output.push({ ...one, pairedItem: one.pairedItem ?? { item: itemIndex } });
			}
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
