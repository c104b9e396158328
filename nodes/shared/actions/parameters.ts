import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../errors/inputError';

const JSON_OBJECT_FIX = 'Write a JSON object such as {"source": "n8n"}, or clear the field.';

/**
 * A JSON-object parameter, whether n8n already parsed it (json type with an expression) or it is
 * still text; anything else is an error that names the field.
 */
export function jsonObjectParameter(value: unknown, field: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = parseJsonParameter(value);
	if (!parsed.ok)
		throw new InputError(`"${field}" is not valid JSON: ${parsed.problem}`, JSON_OBJECT_FIX);
	return requireObject(parsed.value, field);
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * A json-type parameter's value: n8n has already parsed it when it came from an expression, and
 * text is parsed here. Callers check the shape and name their field in the error.
 */
export function parseJsonParameter(value: unknown): ParsedJson {
	if (typeof value !== 'string') return { ok: true, value };
	try {
		return { ok: true, value: JSON.parse(value) };
	} catch (error) {
		return { ok: false, problem: (error as Error).message };
	}
}

function requireObject(parsed: unknown, field: string): IDataObject {
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new InputError(
			`"${field}" must be a JSON object ({…}), not ${Array.isArray(parsed) ? 'an array' : typeof parsed}`,
			JSON_OBJECT_FIX,
		);
	}
	return parsed as IDataObject;
}

/** A parameter as text: undefined and null become '', numbers their digits. */
export function textParameter(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
