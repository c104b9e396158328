import type { IDataObject } from 'n8n-workflow';

/** Removes undefined values so items stay clean in the n8n UI. */
export function compact<T extends IDataObject>(value: T): T {
	for (const key of Object.keys(value)) {
		if (value[key] === undefined) delete value[key];
	}
	return value;
}
