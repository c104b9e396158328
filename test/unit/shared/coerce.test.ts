import { z } from 'zod';

import {
	describeZodError,
	idString,
	flexibleBoolean,
	flexibleId,
	optionalId,
	optionalText,
	text,
	toBoolean,
} from '../../../nodes/shared';

describe('zod coercion helpers', () => {
	it.each([
		[true, true],
		['true', true],
		['TRUE', true],
		['1', true],
		[1, true],
		['yes', true],
		['on', true],
		[false, false],
		['false', false],
		['0', false],
		[0, false],
		['no', false],
		['', false],
		[null, false],
		[undefined, false],
	])('flexibleBoolean(%j) = %j', (input, expected) => {
		expect(flexibleBoolean.parse(input)).toBe(expected);
	});

	it('flexibleBoolean rejects values that are not booleans in any spelling', () => {
		expect(flexibleBoolean.safeParse('maybe').success).toBe(false);
		expect(flexibleBoolean.safeParse(2).success).toBe(false);
		expect(toBoolean({})).toEqual({});
	});

	it('ids keep their digits as strings', () => {
		expect(flexibleId.parse(5964236329)).toBe('5964236329');
		expect(flexibleId.parse('-1001293752024')).toBe('-1001293752024');
		expect(flexibleId.parse(12345678901234567890n)).toBe('12345678901234567890');
		expect(optionalId.parse(null)).toBeUndefined();
		expect(optionalId.parse('')).toBeUndefined();
		expect(flexibleId.safeParse({}).success).toBe(false);
		expect(idString(1e21)).toBe('1000000000000000000000'); // String(1e21) would be "1e+21"
		expect(idString(-1001293752024)).toBe('-1001293752024');
		expect(idString('')).toBeUndefined();
		expect(idString({})).toBeUndefined();
	});

	it('texts tolerate null and numbers', () => {
		expect(text.parse(null)).toBe('');
		expect(text.parse(4)).toBe('4');
		expect(optionalText.parse(null)).toBeUndefined();
	});

	it('passthrough objects keep unknown fields; errors name the field', () => {
		const schema = z.object({ task_id: flexibleId, close: flexibleBoolean }).passthrough();
		expect(schema.parse({ task_id: 7, close: 'yes', brand_new: 1 })).toEqual({
			task_id: '7',
			close: true,
			brand_new: 1,
		});
		const result = schema.safeParse({ task_id: { x: 1 }, close: 'maybe' });
		expect(result.success).toBe(false);
		if (!result.success) {
			const message = describeZodError(result.error);
			expect(message).toContain('task_id');
			expect(message).toContain('close');
		}
	});
});
