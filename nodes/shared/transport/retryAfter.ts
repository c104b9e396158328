import type { ProviderResponse } from './types';

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function seconds(value: unknown): number | undefined {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * An HTTP-date (RFC 9110: IMF-fixdate, RFC 850 or asctime) always starts with the day's name.
 * Anything else is not a date even if Date.parse reads it: "-5" parses as the year -5, which
 * made a garbage header look like "retry now" instead of "no advice" (then backoff applies).
 */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

function httpDateMs(value: string, now: number): number | undefined {
	if (!HTTP_DATE.test(value.trim())) return undefined;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long the provider asked us to wait, in milliseconds, wherever it says it:
 * Telegram `parameters.retry_after` and Selarti-style `retry_after` in the body, the standard
 * `Retry-After` header (seconds or an HTTP date), Omnidesk's `retry_after` header. A negative or
 * unreadable value counts as absent, so the caller falls back to its backoff.
 */
export function retryAfterMs(
	response: ProviderResponse,
	now: number = Date.now(),
): number | undefined {
	const body = response.body as
		| { retry_after?: unknown; parameters?: { retry_after?: unknown } }
		| undefined;
	const fromBody =
		body && typeof body === 'object'
			? (seconds(body.parameters?.retry_after) ?? seconds(body.retry_after))
			: undefined;
	if (fromBody !== undefined) return fromBody * 1000;

	const standard = header(response.headers, 'retry-after');
	if (standard !== undefined) {
		const s = seconds(standard);
		if (s !== undefined) return s * 1000;
		const date = httpDateMs(standard, now);
		if (date !== undefined) return date;
	}
	const omnidesk = seconds(header(response.headers, 'retry_after'));
	return omnidesk === undefined ? undefined : omnidesk * 1000;
}
