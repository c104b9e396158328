import { compact, InputError, settle } from '../../../../nodes/shared';

describe('compact', () => {
	it('removes undefined values only, in place', () => {
		const value = { a: undefined, b: null, c: 0, d: '', e: false, f: 'x' };
		const result = compact(value);
		expect(result).toBe(value);
		expect(result).toEqual({ b: null, c: 0, d: '', e: false, f: 'x' });
		expect(Object.keys(result)).not.toContain('a');
	});
});

describe('settle', () => {
	it('turns a value into { ok: true, value }', async () => {
		expect(await settle(Promise.resolve(5))).toEqual({ ok: true, value: 5 });
	});

	it('turns a rejection into { ok: false, error } with the very error', async () => {
		const error = new Error('x');
		const result = await settle(Promise.reject(error));
		expect(result).toEqual({ ok: false, error });
		expect(!result.ok && result.error).toBe(error);
	});
});

describe('InputError', () => {
	it('carries its message, its fix and its name', () => {
		const error = new InputError('Chat ID is empty', 'Map one.');
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe('Chat ID is empty');
		expect(error.fix).toBe('Map one.');
		expect(error.name).toBe('InputError');
	});
});
