import { z } from 'zod';

/**
 * zod pieces for provider payloads, which rarely match their docs: ids come as numbers or
 * strings, booleans as "true", 1 or "yes", and new fields appear without notice.
 */

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off', '']);

/** Turns the boolean spellings providers use into a boolean; leaves anything else for zod to reject. */
export function toBoolean(value: unknown): unknown {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (TRUE_WORDS.has(word)) return true;
		if (FALSE_WORDS.has(word)) return false;
	}
	return value;
}

/** A provider boolean; missing or null reads as false. */
export const flexibleBoolean = z.preprocess(
	(v) => (v === null || v === undefined ? false : toBoolean(v)),
	z.boolean(),
);

/**
 * An id as an exact string, whether it came as a number or a string. Supergroup ids such as
 * -1001293752024 are beyond 2^31 and break tools that use 32-bit integers; a number too large for
 * String() to print in full (1e21 and up) keeps its digits.
 */
export function idString(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return Number.isInteger(value) && !Number.isSafeInteger(value)
			? BigInt(value).toString()
			: String(value);
	}
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'string' && value !== '') return value;
	return undefined;
}

/** A provider id that may come as a number or a string; always output as a string. */
export const flexibleId = z
	.union([z.string(), z.number().finite(), z.bigint()])
	.transform((v) => idString(v) ?? '');

/** An optional id: null, undefined and '' become undefined. */
export const optionalId = z.preprocess(
	(v) => (v === null || v === '' ? undefined : v),
	flexibleId.optional(),
);

/** Optional free text: null becomes undefined, numbers become strings. */
export const optionalText = z.preprocess(
	(v) => (v === null ? undefined : typeof v === 'number' ? String(v) : v),
	z.string().optional(),
);

/** A message text, '' when absent. */
export const text = z.preprocess(
	(v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v),
	z.string(),
);

/** One line per problem, naming the field: "task_id: Expected string, received object". */
export function describeZodError(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
		.join('; ');
}
