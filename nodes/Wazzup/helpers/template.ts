import { InputError, parseJsonParameter } from '../../shared';

/** Template Values: a JSON array (or its text) of values, each sent as a string. */
export function templateValues(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const read = parseJsonParameter(value);
	const parsed = read.ok ? read.value : undefined;
	if (!Array.isArray(parsed)) {
		throw new InputError(
			'Template Values must be a JSON array, e.g. ["Anna", "12:30"].',
			"Write the values in the order of the template's variables.",
		);
	}
	return parsed.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
}
