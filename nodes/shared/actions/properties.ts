import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from './define';

/** n8n's lint rules want option lists sorted by name; the order is only how the editor lists them. */
function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

function resourceSelector(
	resources: readonly ResourceDefinition[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources
			.map((resource) => ({
				name: resource.name,
				value: resource.value,
				...(resource.description ? { description: resource.description } : {}),
			}))
			.sort(byName),
		default: defaultResource,
	};
}

function operationSelector(resource: ResourceDefinition): INodeProperties {
	const defaultOperation = resource.defaultOperation ?? resource.operations[0]?.value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations
			.map((operation) => ({
				name: operation.name,
				value: operation.value,
				action: operation.action,
				...(operation.description ? { description: operation.description } : {}),
			}))
			.sort(byName),
		default: defaultOperation,
	};
}

/** An operation's fields, shown only when its resource and it are selected. */
function fieldsOf(resource: ResourceDefinition, operation: OperationDefinition): INodeProperties[] {
	return operation.properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: [resource.value],
				operation: [operation.value],
			},
		},
	}));
}

/**
 * An action node's `properties`: the Resource selector, one Operation selector per resource and
 * every operation's fields with their display rules, all generated from the definitions.
 */
export function actionProperties<const Resources extends readonly ResourceDefinition[]>(
	resources: Resources,
	/** Preselected for a new node. Saved workflows rely on it: never change it. */
	defaultResource: Resources[number]['value'],
): INodeProperties[] {
	return [
		resourceSelector(resources, defaultResource),
		...resources.map(operationSelector),
		...resources.flatMap((resource) =>
			resource.operations.flatMap((operation) => fieldsOf(resource, operation)),
		),
	];
}
