/**
 * Splits a long message into parts no longer than `limit` (UTF-16 code units, as Telegram and
 * most messengers count), cutting at the best boundary available: paragraph, then line, then
 * sentence, then word, and only as a last resort mid-word. A cut never separates a surrogate
 * pair and never falls inside an "atomic" span (an HTML tag or entity, a Markdown escape…).
 * Whitespace at the cuts is dropped, so no part is blank.
 */
export interface SplitOptions {
	/** Spans that must stay whole, e.g. /<[^>]+>|&[#\w]+;/g for HTML. Must have the g flag. */
	atomic?: RegExp;
}

const BOUNDARIES: RegExp[] = [
	/\n[ \t]*\n\s*/g, // paragraph
	/\n\s*/g, // line
	/[.!?…。！？]+["'»”)\]]*\s+/g, // sentence end
	/\s+/g, // word
];

/** A cut that leaves the part at least this full is good enough; otherwise try a finer boundary. */
const MIN_FILL = 0.5;

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function atomicSpans(text: string, atomic: RegExp | undefined): Array<[number, number]> {
	if (!atomic) return [];
	const flags = atomic.flags.includes('g') ? atomic.flags : atomic.flags + 'g';
	const pattern = new RegExp(atomic.source, flags);
	const spans: Array<[number, number]> = [];
	for (const match of text.matchAll(pattern)) {
		if (match[0].length > 0) spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
	}
	return spans;
}

/**
 * Moves a cut back out of any atomic span and off the middle of a surrogate pair.
 * Returns 0 when no such cut exists before it (a span that starts the text covers it).
 */
function safeCut(text: string, cut: number, spans: Array<[number, number]>): number {
	for (const [start, end] of spans) {
		if (start < cut && cut < end) cut = start;
	}
	if (cut > 1 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
	return cut;
}

/** The end of the last boundary match that fits into `window`, or -1. */
function lastBoundaryEnd(window: string, pattern: RegExp): number {
	let best = -1;
	pattern.lastIndex = 0;
	for (const match of window.matchAll(pattern)) {
		const index = match.index ?? 0;
		if (index > 0) best = index + match[0].length;
	}
	return best;
}

function chooseCut(text: string, limit: number, spans: Array<[number, number]>): number {
	const window = text.slice(0, limit + 1); // +1: whitespace right after the limit is a fine cut
	let fallback = -1;
	for (const pattern of BOUNDARIES) {
		const end = lastBoundaryEnd(window, pattern);
		if (end <= 0) continue;
		// The boundary's text (whitespace) is dropped; the part itself must fit.
		const cut = Math.min(end, limit);
		const safe = safeCut(text, cut, spans);
		if (safe <= 0) continue;
		if (safe >= limit * MIN_FILL) return safe;
		if (fallback < 0) fallback = safe;
	}
	if (fallback > 0) return fallback;
	const hard = safeCut(text, limit, spans);
	if (hard > 0) return hard;
	// Only an atomic span longer than the whole limit gets here: it cannot stay whole.
	return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

export function splitText(text: string, limit: number, options: SplitOptions = {}): string[] {
	if (!Number.isInteger(limit) || limit < 2)
		throw new Error(`splitText: limit must be an integer ≥ 2, got ${limit}`);
	const parts: string[] = [];
	let rest = text.trim();
	while (rest.length > limit) {
		const spans = atomicSpans(rest, options.atomic);
		const cut = chooseCut(rest, limit, spans);
		const part = rest.slice(0, cut).trimEnd();
		if (part) parts.push(part);
		rest = rest.slice(cut).trimStart();
	}
	if (rest) parts.push(rest);
	return parts;
}
