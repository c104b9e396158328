import type { IWebhookFunctions } from 'n8n-workflow';

import {
	contentTypeProblem,
	parseContentType,
	readDeliveryBody,
	type AcceptedBody,
} from '../../../../nodes/shared';

describe('contentTypeProblem', () => {
	it.each([
		'application/json',
		'application/json; charset=utf-8',
		'application/json;charset=UTF8',
		'Application/JSON; Charset="UTF-8"',
		// Wazzup's documented header (a typo: no "="), which n8n parses as JSON.
		'application/json; charset-utf-8',
		'application/json; boundary=ignored',
	])('accepts %s for a JSON trigger', (header) => {
		expect(contentTypeProblem(header, ['json'])).toBeUndefined();
	});

	it.each<[unknown, AcceptedBody[], RegExp]>([
		[undefined, ['json'], /^The request has no Content-Type; send application\/json\.$/],
		['', ['json'], /no Content-Type/],
		['   ', ['json'], /no Content-Type/],
		[['application/json'], ['json'], /no Content-Type/],
		[
			'text/html',
			['json'],
			/^Content-Type "text\/html" is not accepted; send application\/json\.$/,
		],
		['text/plain', ['json'], /"text\/plain" is not accepted/],
		['application/octet-stream', ['json'], /is not accepted/],
		['text/json', ['json'], /is not accepted/],
		['application/vnd.api+json', ['json'], /is not accepted/],
		['multipart/form-data; boundary=x', ['json'], /is not accepted/],
		['application/x-www-form-urlencoded', ['json'], /is not accepted; send application\/json\./],
		['application/json; charset=utf-16le', ['json'], /charset other than UTF-8/],
		['application/json; charset=iso-8859-1', ['json'], /charset other than UTF-8/],
		['text/html', ['json', 'form'], /send application\/json or application\/x-www-form-urlencoded/],
	])('refuses %p (accepting %p), naming it and the fix', (header, accepted, problem) => {
		expect(contentTypeProblem(header, accepted)).toMatch(problem);
	});

	it('accepts a form only where the trigger takes forms', () => {
		const form = 'application/x-www-form-urlencoded; charset=UTF-8';
		expect(contentTypeProblem(form, ['json', 'form'])).toBeUndefined();
		expect(contentTypeProblem(form, ['json'])).toBeDefined();
	});

	it('cuts a huge header in its answer', () => {
		const problem = contentTypeProblem(`text/${'x'.repeat(10_000)}`, ['json'])!;
		expect(problem.length).toBeLessThan(200);
		expect(problem).toContain('…');
	});

	it('reads the media type and charset, ignoring parameters that are not name=value', () => {
		expect(parseContentType(' Application/JSON ; charset="UTF-8"; q')).toEqual({
			mediaType: 'application/json',
			charset: 'utf-8',
		});
		expect(parseContentType('application/json; charset-utf-8')).toEqual({
			mediaType: 'application/json',
			charset: undefined,
		});
	});
});

/** What readDeliveryBody reads: the header, n8n's parsed body and the raw bytes. */
function request(contentType: string | undefined, body: unknown, rawBody?: string) {
	return {
		getHeaderData: () => (contentType === undefined ? {} : { 'content-type': contentType }),
		getBodyData: () => body,
		getRequestObject: () => ({ rawBody: rawBody ?? JSON.stringify(body) }),
	} as unknown as IWebhookFunctions;
}

describe('readDeliveryBody', () => {
	it('refuses a foreign Content-Type with 415 before reading the body', () => {
		const context = request('text/html', { update_id: 1 });
		expect(readDeliveryBody(context)).toEqual({
			ok: false,
			status: 415,
			problem: 'Content-Type "text/html" is not accepted; send application/json.',
		});
	});

	it('reads JSON (the default) and refuses an unreadable body with 400', () => {
		expect(readDeliveryBody(request('application/json', { a: 1 }))).toEqual({
			ok: true,
			body: { a: 1 },
		});
		expect(readDeliveryBody(request('application/json', {}, '[1]'))).toEqual({
			ok: false,
			status: 400,
			problem: 'The request body is JSON but not an object.',
		});
	});

	it('reads a form n8n parsed into an object without a prototype, as a plain object', () => {
		const parsed = Object.assign(Object.create(null) as object, { case_id: '1', text: 'hi' });
		const read = readDeliveryBody(request('application/x-www-form-urlencoded', parsed, 'x'), [
			'json',
			'form',
		]);
		expect(read).toEqual({ ok: true, body: { case_id: '1', text: 'hi' } });
		expect(Object.getPrototypeOf((read as { body: object }).body)).toBe(Object.prototype);
	});

	it('refuses an empty form with 400', () => {
		expect(readDeliveryBody(request(FORM, {}, ''), ['json', 'form'])).toEqual({
			ok: false,
			status: 400,
			problem: 'The request body is empty; a form with fields was expected.',
		});
	});

	it('reads JSON where JSON and forms are accepted', () => {
		expect(readDeliveryBody(request('application/json', { a: 1 }), ['json', 'form'])).toEqual({
			ok: true,
			body: { a: 1 },
		});
	});
});

const FORM = 'application/x-www-form-urlencoded';
