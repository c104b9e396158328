import { z } from 'zod';

import {
	describeZodError,
	flexibleId,
	idString,
	optionalId,
	optionalText,
	text,
	toBoolean,
} from '../../../../nodes/shared';

describe('toBoolean, word by word', () => {
	it.each(['true', '1', 'yes', 'y', 'on', ' Yes ', 'ON', 'Y'])('reads %j as true', (word) => {
		expect(toBoolean(word)).toBe(true);
	});

	it.each(['false', '0', 'no', 'n', 'off', '', '  ', 'No', 'OFF', ' N '])(
		'reads %j as false',
		(word) => {
			expect(toBoolean(word)).toBe(false);
		},
	);

	it.each<[unknown]>([['maybe'], [2], [-1], [0.5], [null], [undefined], [[]]])(
		'leaves %j as it is, for zod to refuse',
		(value) => {
			expect(toBoolean(value)).toBe(value);
		},
	);

	it('keeps real booleans and reads the numbers 1 and 0', () => {
		expect(toBoolean(true)).toBe(true);
		expect(toBoolean(false)).toBe(false);
		expect(toBoolean(1)).toBe(true);
		expect(toBoolean(0)).toBe(false);
	});
});

describe('idString at its edges', () => {
	it.each<[unknown, string | undefined]>([
		[0, '0'],
		[42, '42'],
		[Number.MAX_SAFE_INTEGER, '9007199254740991'],
		[2 ** 53, '9007199254740992'],
		[-(2 ** 53), '-9007199254740992'],
		[1.5, '1.5'],
		[10n, '10'],
		['x', 'x'],
		[Number.NaN, undefined],
		[Infinity, undefined],
		[true, undefined],
		[null, undefined],
		[undefined, undefined],
	])('idString(%p) = %p', (value, expected) => {
		expect(idString(value)).toBe(expected);
	});

	it('flexibleId refuses infinity and turns an empty string into an empty id', () => {
		expect(flexibleId.safeParse(Infinity).success).toBe(false);
		expect(flexibleId.parse('')).toBe('');
	});
});

describe('optional ids and texts', () => {
	it('optionalId: missing, null and empty are undefined; numbers become strings', () => {
		expect(optionalId.parse(undefined)).toBeUndefined();
		expect(optionalId.parse(7)).toBe('7');
		expect(optionalId.parse('abc')).toBe('abc');
		expect(optionalId.safeParse({}).success).toBe(false);
	});

	it('optionalText: missing stays undefined, text and numbers are text, objects are refused', () => {
		expect(optionalText.parse(undefined)).toBeUndefined();
		expect(optionalText.parse('hi')).toBe('hi');
		expect(optionalText.parse(12)).toBe('12');
		expect(optionalText.safeParse({ a: 1 }).success).toBe(false);
		expect(optionalText.safeParse(true).success).toBe(false);
	});

	it('text: missing is empty, text is kept, objects are refused', () => {
		expect(text.parse(undefined)).toBe('');
		expect(text.parse('hi')).toBe('hi');
		expect(text.safeParse({}).success).toBe(false);
		expect(text.safeParse(false).success).toBe(false);
	});
});

describe('describeZodError', () => {
	it('names each field by its dotted path, one problem after another', () => {
		const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }) });
		const result = schema.safeParse({ a: 1, b: { c: 'x' } });
		expect(result.success).toBe(false);
		if (result.success) return;
		const described = describeZodError(result.error);
		expect(described.split('; ')).toHaveLength(2);
		expect(described).toMatch(/^a: /);
		expect(described).toMatch(/; b\.c: /);
	});

	it('names the body itself when the problem has no field', () => {
		const result = z.string().safeParse(1);
		expect(result.success).toBe(false);
		if (!result.success) expect(describeZodError(result.error)).toMatch(/^\(body\): /);
	});
});
