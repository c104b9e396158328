import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A JSON-object parameter, whether n8n already parsed it (json type with an expression) or it is
 * still text; anything else is an error that names the field.
 */
export function jsonObjectParameter(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`"${field}" is not valid JSON: ${(error as Error).message}`,
				{
					itemIndex,
					description: 'Write a JSON object such as {"source": "n8n"}, or clear the field.',
				},
			);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(
			context.getNode(),
			`"${field}" must be a JSON object ({…}), not ${Array.isArray(parsed) ? 'an array' : typeof parsed}`,
			{
				itemIndex,
				description: 'Write a JSON object such as {"source": "n8n"}, or clear the field.',
			},
		);
	}
	return parsed as IDataObject;
}
