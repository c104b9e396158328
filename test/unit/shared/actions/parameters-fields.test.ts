import {
	conversationChatIdField,
	InputError,
	jsonItem,
	jsonObjectParameter,
	optionsCollection,
	textParameter,
} from '../../../../nodes/shared';

const FIX = 'Write a JSON object such as {"source": "n8n"}, or clear the field.';

function inputError(fn: () => unknown): InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

describe('jsonObjectParameter', () => {
	it.each<[unknown]>([[undefined], [null], ['']])('reads %j as an empty object', (value) => {
		expect(jsonObjectParameter(value, 'Metadata')).toEqual({});
	});

	it('parses JSON text and takes an object n8n already parsed', () => {
		expect(jsonObjectParameter('{"a":1}', 'Metadata')).toEqual({ a: 1 });
		const parsed = { b: 2 };
		expect(jsonObjectParameter(parsed, 'Metadata')).toBe(parsed);
	});

	it('names the field and the parser’s problem for text that is not JSON', () => {
		const error = inputError(() => jsonObjectParameter('{a:', 'Metadata'));
		expect(error.message).toMatch(/^"Metadata" is not valid JSON: \S/);
		expect(error.fix).toBe(FIX);
	});

	it.each<[unknown, string]>([
		['[1]', 'an array'],
		[[1], 'an array'],
		['5', 'number'],
		['"x"', 'string'],
		['null', 'object'],
		[true, 'boolean'],
	])('refuses %j as %s, naming the field', (value, what) => {
		const error = inputError(() => jsonObjectParameter(value, 'Metadata'));
		expect(error.message).toBe(`"Metadata" must be a JSON object ({…}), not ${what}`);
		expect(error.fix).toBe(FIX);
	});
});

describe('textParameter', () => {
	it.each<[unknown, string]>([
		[undefined, ''],
		[null, ''],
		[0, '0'],
		[12, '12'],
		['x', 'x'],
		[false, 'false'],
	])('textParameter(%j) = %j', (value, text) => {
		expect(textParameter(value)).toBe(text);
	});
});

describe('shared fields', () => {
	it('the Chat ID field defaults to the incoming conversation key and is required', () => {
		expect(conversationChatIdField('Where to send')).toEqual({
			displayName: 'Chat ID',
			name: 'chatId',
			type: 'string',
			required: true,
			default: '={{ $json.conversation?.key }}',
			description: 'Where to send',
		});
	});

	it('the Options collection is named options and starts empty', () => {
		const option = { displayName: 'X', name: 'x', type: 'string' as const, default: '' };
		expect(optionsCollection([option])).toEqual({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [option],
		});
	});

	it('jsonItem wraps an answer as an output item', () => {
		expect(jsonItem({ a: 1 })).toEqual({ json: { a: 1 } });
	});
});
