/**
 * Ids that a provider sends as JSON numbers beyond 2^53 lose their last digits when n8n parses
 * the body (12345678901234567890 becomes 12345678901234567168): a reply would go to the wrong
 * chat and two messages could look like one. n8n keeps the bytes it parsed (req.rawBody, on 1.x
 * and 2.x), so the digits are still there: for every id field holding such a number, the digits
 * written after that field's name in the raw body are put back, as a string.
 *
 * Only fields named like ids (`id`, `…_id`, `…Id`) are touched: other big numbers stay numbers,
 * so the shape checks that expect numbers keep working. When the digits cannot be found for sure
 * (no raw body, or two different spellings that round to the same number) the value is left as
 * n8n parsed it. Cost: one walk over the parsed body; the raw body is searched only when such an
 * id exists, which no provider's documented ids need.
 */

const ID_FIELD = /(^id$|_id$|[a-z0-9]Id$|ID$)/;

/**
 * Replaces unsafe integer ids in `body` (in place) by their exact digits from the raw body, which
 * `readRaw` returns (called only when there is such an id).
 */
export function restoreExactIds(body: object, readRaw: () => string | undefined): void {
	let raw: string | undefined;
	const pending: object[] = [body];
	while (pending.length > 0) {
		const current = pending.pop() as Record<string, unknown>;
		for (const [key, value] of Object.entries(current)) {
			if (typeof value === 'object' && value !== null) pending.push(value);
			else if (isRoundedId(key, value)) {
				raw ??= readRaw() ?? '';
				const digits = digitsInRaw(raw, key, value);
				if (digits !== undefined) current[key] = digits;
			}
		}
	}
}

function isRoundedId(key: string, value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		!Number.isSafeInteger(value) &&
		ID_FIELD.test(key)
	);
}

/** The one integer literal written after `"key":` in the raw body that parses to `value`. */
function digitsInRaw(raw: string, key: string, value: number): string | undefined {
	const name = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const literal = new RegExp(`${name}\\s*:\\s*(-?\\d+)(?![\\d.eE])`, 'g');
	const found = new Set<string>();
	for (const match of raw.matchAll(literal)) {
		if (Number(match[1]) === value) found.add(match[1]);
	}
	return found.size === 1 ? [...found][0] : undefined;
}
