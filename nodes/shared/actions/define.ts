import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/**
 * What an operation gets for one input item: n8n's execute context, the item and its index, a
 * parameter reader bound to the item, and whatever the provider adds for every operation of its
 * node (`Extra`, e.g. the bot's id). One signature for every provider (docs/architecture.md).
 */
export type OperationContext<Extra = object> = Extra & {
	readonly execution: IExecuteFunctions;
	readonly itemIndex: number;
	readonly item: INodeExecutionData;
	/** getNodeParameter for this item. */
	parameter<T = unknown>(name: string, fallback?: T): T;
};

/**
 * One operation of an action node, in one object: its identity (value), how the editor shows it
 * (name, action, description), its fields and what it does. The Operation selector, the fields'
 * display rules and the dispatch table are generated from it, so it is named nowhere else.
 * `properties` need no resource/operation display rules: they are added; rules on other fields
 * (e.g. `show: { method: ['POST'] }`) are kept.
 */
export interface OperationDefinition<Value extends string = string, Extra = object> {
	readonly value: Value;
	/** Shown in the Operation list, e.g. "Send Text". */
	readonly name: string;
	/** Shown in the node panel's action list, e.g. "Send a text message". */
	readonly action: string;
	readonly description?: string;
	readonly properties: INodeProperties[];
	/**
	 * Runs for one item and returns its output item, or several (a list read returns one per
	 * entry); pairing with the input is added by the loop.
	 */
	execute(context: OperationContext<Extra>): Promise<INodeExecutionData | INodeExecutionData[]>;
}

/** A resource: its identity and display name, and its operations. */
export interface ResourceDefinition<
	Value extends string = string,
	// Any provider's operations fit: `execute` is a method, so its context type is not checked here.
	Operations extends readonly OperationDefinition[] = readonly OperationDefinition[],
> {
	readonly value: Value;
	readonly name: string;
	readonly description?: string;
	readonly operations: Operations;
	/**
	 * The operation preselected for this resource; without it, the first one listed. Saved
	 * workflows rely on it (n8n omits default values): never change it once released.
	 */
	readonly defaultOperation?: Operations[number]['value'];
}

/** Keeps the literal type of `value`, so the resource's default and dispatch keys are checked. */
export function defineOperation<const Value extends string, Extra = object>(
	operation: OperationDefinition<Value, Extra>,
): OperationDefinition<Value, Extra> {
	return operation;
}

/** Keeps the literal types of the resource and its operations (see `ActionName`). */
export function defineResource<
	const Value extends string,
	const Operations extends readonly OperationDefinition[],
>(resource: ResourceDefinition<Value, Operations>): ResourceDefinition<Value, Operations> {
	return resource;
}

/**
 * Every "resource:operation" of a node as a string union, e.g. "message:sendText" |
 * "file:get". A misspelt operation in a typed place fails to compile.
 */
export type ActionName<Resources extends readonly ResourceDefinition[]> = {
	[R in Resources[number] as R['value']]: `${R['value']}:${R['operations'][number]['value']}`;
}[Resources[number]['value']];

/** An output item from a JSON answer: most operations return exactly this. */
export function jsonItem(json: IDataObject): INodeExecutionData {
	return { json };
}
