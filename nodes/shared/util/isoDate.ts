/**
 * A time in milliseconds as ISO text, or undefined when no Date can hold it (a hostile 1e20
 * timestamp): `toISOString()` throws a RangeError there, which in a webhook would be a 500.
 */
export function isoDate(milliseconds: number): string | undefined {
	const date = new Date(milliseconds);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
