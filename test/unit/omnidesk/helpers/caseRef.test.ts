import { caseRefOf, casePath } from '../../../../nodes/Omnidesk/helpers/caseRef';

describe('caseRefOf', () => {
	it('accepts a conversation key, a case id (number or string) and a case number', () => {
		expect(caseRefOf('omnidesk:2000')).toBe('2000');
		expect(caseRefOf(2000)).toBe('2000');
		expect(caseRefOf(' 2000 ')).toBe('2000');
		expect(caseRefOf('664-245651')).toBe('664-245651');
		expect(casePath('664-245651', '/messages')).toBe('/cases/664-245651/messages.json');
	});

	it('refuses empty values, keys of other channels and things that are not cases', () => {
		expect(() => caseRefOf('')).toThrow(/empty/);
		expect(() => caseRefOf('telegram:1:2')).toThrow(/belongs to telegram/);
		expect(() => caseRefOf('omnidesk:abc')).toThrow(/neither a case ID nor a case number/);
		expect(() => caseRefOf('hello')).toThrow(/neither/);
	});
});
