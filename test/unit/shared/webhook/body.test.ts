import type { IWebhookFunctions } from 'n8n-workflow';

import { readJsonObjectBody } from '../../../../nodes/shared';

/** Just the two calls readJsonObjectBody makes: what n8n parsed, and the raw bytes it kept. */
function contextWith(body: unknown, rawBody?: unknown): IWebhookFunctions {
	return {
		getBodyData: () => body,
		getRequestObject: () => ({ rawBody }),
	} as unknown as IWebhookFunctions;
}

const EMPTY = 'The request body is empty; a JSON object was expected.';
const NOT_OBJECT = 'The request body is not a JSON object.';
const JSON_NOT_OBJECT = 'The request body is JSON but not an object.';
const NOT_JSON = 'The request body is not valid JSON.';

describe('readJsonObjectBody', () => {
	it('takes the object n8n already parsed, without reading the raw body', () => {
		const body = { update_id: 1 };
		expect(readJsonObjectBody(contextWith(body, Buffer.from('{"other":2}')))).toEqual({
			ok: true,
			body,
		});
	});

	it.each<[string, unknown]>([
		['a Buffer', Buffer.from('{"a":1}')],
		['a string', '{"a":1}'],
		['padded text', '  \n{"a":1}\n '],
	])('parses a text/plain JSON object from %s when n8n parsed nothing', (_label, raw) => {
		expect(readJsonObjectBody(contextWith({}, raw))).toEqual({ ok: true, body: { a: 1 } });
	});

	it('reads the raw body when n8n handed over a Buffer instead of an object', () => {
		expect(readJsonObjectBody(contextWith(Buffer.from('{"a":1}'), '{"b":2}'))).toEqual({
			ok: true,
			body: { b: 2 },
		});
	});

	it.each<[string, unknown, unknown, string]>([
		['an empty object and no raw body', {}, undefined, EMPTY],
		['an empty object and an empty raw body', {}, Buffer.alloc(0), EMPTY],
		['an empty object and blank raw text', {}, ' \n\t ', EMPTY],
		['an empty object and a raw body of another type', {}, 42, EMPTY],
		['no body at all', undefined, undefined, NOT_OBJECT],
		['null', null, undefined, NOT_OBJECT],
		['an array n8n parsed', [1, 2], undefined, NOT_OBJECT],
		['an empty array n8n parsed', [], '', NOT_OBJECT],
		['a string n8n parsed', 'hello', undefined, NOT_OBJECT],
		['a Buffer with nothing raw', Buffer.from('x'), undefined, NOT_OBJECT],
		['raw JSON that is an array', {}, '[1,2]', JSON_NOT_OBJECT],
		['raw JSON that is a number', {}, '42', JSON_NOT_OBJECT],
		['raw JSON that is a string', {}, '"text"', JSON_NOT_OBJECT],
		['raw JSON null', {}, 'null', JSON_NOT_OBJECT],
		['raw text that is not JSON', {}, 'update_id=1', NOT_JSON],
		['truncated raw JSON', {}, Buffer.from('{"a":'), NOT_JSON],
	])('refuses %s with a clear problem', (_label, body, raw, problem) => {
		expect(readJsonObjectBody(contextWith(body, raw))).toEqual({ ok: false, problem });
	});
});
