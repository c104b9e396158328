import type { IDataObject } from 'n8n-workflow';

import { InputError, parseJsonParameter } from '../../shared';

/** An approved template and what fills its variables. */
export interface TemplateChoice {
	name: string;
	language: string;
	components: IDataObject[];
}

/**
 * The components of a template send (header/body/button parameters, Meta's format). Accepts
 * what n8n gives a json field: an array, one object, JSON text, or nothing.
 */
export function templateComponents(value: unknown, field: string): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	const read = parseJsonParameter(value);
	const parsed = read.ok ? read.value : undefined;
	if (Array.isArray(parsed) && parsed.every((entry) => entry && typeof entry === 'object'))
		return parsed as IDataObject[];
	if (parsed && typeof parsed === 'object') return [parsed as IDataObject];
	throw new InputError(
		`"${field}" must be a JSON array of template components.`,
		'Write e.g. [{"type": "body", "parameters": [{"type": "text", "text": "Anna"}]}], or clear the field.',
	);
}

export function templateChoice(
	name: unknown,
	language: unknown,
	components: unknown,
	fields: { name: string; components: string },
): TemplateChoice {
	const templateName = String(name ?? '').trim();
	if (!templateName)
		throw new InputError(
			`"${fields.name}" is empty.`,
			'Enter the name of a template approved for this number in the 360dialog Hub.',
		);
	return {
		name: templateName,
		language: String(language ?? '').trim() || 'en',
		components: templateComponents(components, fields.components),
	};
}

/** The `template` object of a send body (Meta's format, which 360dialog passes through). */
export function templatePayload(template: TemplateChoice): IDataObject {
	const payload: IDataObject = {
		name: template.name,
		language: { policy: 'deterministic', code: template.language },
	};
	if (template.components.length) payload.components = template.components;
	return payload;
}
