import { contentTypeProblem } from '../../../../nodes/shared/webhook/contentType';

describe('contentTypeProblem: reading the charset parameter', () => {
	it.each([
		['no space after the semicolon', 'application/json;charset=latin1'],
		['spaces around the equals sign', 'application/json; charset = latin1'],
		['whitespace before the next parameter', 'application/json; charset=latin1 ; boundary=x'],
	])('refuses a charset other than UTF-8 with %s', (_label, header) => {
		expect(contentTypeProblem(header, ['json'])).toMatch(/charset other than UTF-8/);
	});

	it('does not take a parameter that only ends in "charset" for the charset', () => {
		expect(contentTypeProblem('application/json; x-charset=latin1', ['json'])).toBeUndefined();
	});

	it('shows a header of exactly 80 characters whole, and cuts a longer one', () => {
		const exact = `application/xml; p=${'a'.repeat(80 - 'application/xml; p='.length)}`;
		expect(exact).toHaveLength(80);
		expect(contentTypeProblem(exact, ['json'])).toContain(`"${exact}"`);
		expect(contentTypeProblem(`${exact}b`, ['json'])).toContain(`"${exact}…"`);
	});
});
