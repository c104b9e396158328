/**
 * Node parameters the way n8n sees them: the values a test gives, completed with the node
 * description's defaults (n8n-workflow's own NodeHelpers.getNodeParameters, so displayOptions
 * decide which defaults apply), read by dotted path ("options.foo") and with ={{ }} expressions
 * resolved by n8n-workflow's expression engine against the current item.
 */
import {
	NodeHelpers,
	NodeOperationError,
	createEmptyRunExecutionData,
	type IDataObject,
	type IGetNodeParameterOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type NodeParameterValueType,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { extractValue } from 'n8n-core/dist/execution-engine/node-execution-context/utils/extract-value';

/** Fills in defaults for parameters the test did not give. */
export function withDefaults(
	description: INodeTypeDescription,
	given: INodeParameters,
	node: INode,
): INodeParameters {
	return (
		NodeHelpers.getNodeParameters(description.properties, given, true, false, node, description) ??
		given
	);
}

/** Reads "a.b.c" (also "a[0].b") from the parameters; undefined when any step is missing. */
export function getByPath(source: unknown, path: string): unknown {
	let current: unknown = source;
	for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

export interface ParameterScope {
	workflow: Workflow;
	node: INode;
	nodeType: INodeType;
	mode: WorkflowExecuteMode;
	/** Input items: $json in expressions refers to items[itemIndex]. */
	items: INodeExecutionData[];
}

/** n8n's getNodeParameter(name, itemIndex, fallback, options) over a ParameterScope. */
export function getNodeParameter(
	scope: ParameterScope,
	name: string,
	itemIndex: number,
	fallbackValue?: unknown,
	options?: IGetNodeParameterOptions,
): NodeParameterValueType | object {
	const { workflow, node, nodeType, mode, items } = scope;
	const value = getByPath(node.parameters, name) as NodeParameterValueType | undefined;
	if (value === undefined) {
		if (fallbackValue !== undefined) return fallbackValue as NodeParameterValueType;
		throw new NodeOperationError(node, `Could not get parameter "${name}"`, { itemIndex });
	}
	if (options?.rawExpressions) return value;
	const executeData = { node, data: { main: [items] }, source: null };
	let resolved = workflow.expression.getParameterValue(
		value,
		createEmptyRunExecutionData(),
		0,
		itemIndex,
		node.name,
		items,
		mode,
		{
			$execution: { id: 'test-execution', mode: mode === 'manual' ? 'test' : 'production' },
		} as IDataObject,
		executeData,
	);
	if (options?.extractValue)
		resolved = extractValue(resolved, name, node, nodeType, itemIndex) as NodeParameterValueType;
	return resolved as NodeParameterValueType;
}
