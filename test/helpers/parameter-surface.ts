import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/**
 * What a saved workflow depends on in a node's description, independent of how the description
 * is assembled: for every resource/operation, the parameters shown with their names, types,
 * defaults and option values (n8n stores only non-default values, so a changed default silently
 * changes saved workflows). Used to prove that refactors keep saved workflows working.
 */
export interface ParameterSurface {
	name: string;
	version: unknown;
	credentials: string[];
	/** "resource:operation" (or "*" for nodes without resources) → sorted parameter descriptors. */
	views: Record<string, string[]>;
}

type Condition = Record<string, unknown[]>;

function describeProperty(property: INodeProperties, hiddenKeys: string[]): string {
	const show = { ...(property.displayOptions?.show ?? {}) } as Condition;
	const hide = { ...(property.displayOptions?.hide ?? {}) } as Condition;
	for (const key of hiddenKeys) {
		delete show[key];
		delete hide[key];
	}
	const options = (property.options ?? []).map((option) =>
		'value' in option
			? `value=${JSON.stringify(option.value)}`
			: 'values' in option
				? `group=${option.name}{${option.values
						.map((v) => describeProperty(v, []))
						.sort()
						.join(';')}}`
				: `field=${describeProperty(option as INodeProperties, [])}`,
	);
	return JSON.stringify({
		name: property.name,
		type: property.type,
		default: property.default,
		required: property.required ?? false,
		options: options.sort(),
		show,
		hide,
	});
}

function matches(condition: Condition | undefined, values: Record<string, string>): boolean {
	if (!condition) return true;
	return Object.entries(values).every(
		([key, value]) => condition[key] === undefined || condition[key].includes(value),
	);
}

function excluded(condition: Condition | undefined, values: Record<string, string>): boolean {
	if (!condition) return false;
	return Object.entries(values).some(([key, value]) => condition[key]?.includes(value) ?? false);
}

function visible(property: INodeProperties, values: Record<string, string>): boolean {
	return (
		matches(property.displayOptions?.show as Condition | undefined, values) &&
		!excluded(property.displayOptions?.hide as Condition | undefined, values)
	);
}

export function parameterSurface(description: INodeTypeDescription): ParameterSurface {
	const properties = description.properties;
	const resource = properties.find((p) => p.name === 'resource' && p.type === 'options');
	const views: Record<string, string[]> = {};
	if (!resource) {
		views['*'] = properties.map((p) => describeProperty(p, [])).sort();
	} else {
		views['resource'] = [describeProperty(resource, [])];
		for (const option of resource.options ?? []) {
			const r = String((option as { value: unknown }).value);
			const selector = properties.find(
				(p) => p.name === 'operation' && visible(p, { resource: r }),
			);
			views[`${r}:operation`] = selector ? [describeProperty(selector, ['resource'])] : [];
			for (const op of selector?.options ?? []) {
				const o = String((op as { value: unknown }).value);
				const values = { resource: r, operation: o };
				views[`${r}:${o}`] = properties
					.filter((p) => p.name !== 'resource' && p.name !== 'operation' && visible(p, values))
					.map((p) => describeProperty(p, ['resource', 'operation']))
					.sort();
			}
		}
	}
	return {
		name: description.name,
		version: description.version,
		credentials: (description.credentials ?? []).map((c) => c.name).sort(),
		views,
	};
}
