import { InputError, splitText } from '../../shared';

export type ParseMode = '' | 'HTML' | 'MarkdownV2' | 'Markdown';

/** HTML tags and character entities: a cut never falls inside one. */
const HTML_ATOMIC = /<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;
const HTML_TAG = /<\s*(\/?)\s*([a-zA-Z][\w-]*)[^>]*?(\/?)\s*>/g;

/**
 * Markdown spans kept whole where possible: code blocks, inline code, escapes, links and
 * single-line emphasis. Markdown has no closing tags to repair, so a span that cannot be kept
 * whole (longer than a message) is refused rather than cut.
 */
const MARKDOWN_ATOMIC =
	/```[\s\S]*?```|`[^`\n]*`|\\[\s\S]|\[[^\]\n]*\]\([^)\n]*\)|\*[^*\n]+\*|__[^_\n]+__|_[^_\n]+_|~[^~\n]+~|\|\|[^|\n]+\|\|/g;

interface OpenTag {
	name: string;
	source: string;
}

/** Checks that every tag is closed in order; returns the longest open+close overhead seen. */
function checkHtmlBalance(text: string): number {
	const stack: OpenTag[] = [];
	let overhead = 0;
	let worst = 0;
	for (const match of text.matchAll(HTML_TAG)) {
		const [source, closing, rawName, selfClosing] = match;
		const name = rawName.toLowerCase();
		if (selfClosing) continue;
		if (!closing) {
			stack.push({ name, source });
			overhead += source.length + name.length + 3;
			worst = Math.max(worst, overhead);
			continue;
		}
		const open = stack.pop();
		if (!open || open.name !== name) {
			throw new InputError(
				`The HTML text has </${name}> without a matching <${name}> before it, so it cannot be split into several messages safely. Fix the markup or set Parse Mode to None.`,
			);
		}
		overhead -= open.source.length + open.name.length + 3;
	}
	if (stack.length) {
		throw new InputError(
			`The HTML text opens <${stack[stack.length - 1].name}> and never closes it, so it cannot be split into several messages safely. Fix the markup or set Parse Mode to None.`,
		);
	}
	return worst;
}

/** Closes the tags still open at the end of each part and reopens them at the start of the next. */
function rebalanceHtml(parts: string[]): string[] {
	let carried: OpenTag[] = [];
	return parts.map((part) => {
		const stack = [...carried];
		for (const match of part.matchAll(HTML_TAG)) {
			const [source, closing, rawName, selfClosing] = match;
			if (selfClosing) continue;
			const name = rawName.toLowerCase();
			if (closing) stack.pop();
			else stack.push({ name, source });
		}
		const prefix = carried.map((tag) => tag.source).join('');
		const suffix = [...stack]
			.reverse()
			.map((tag) => `</${tag.name}>`)
			.join('');
		carried = stack;
		return prefix + part + suffix;
	});
}

function splitHtml(text: string, limit: number): string[] {
	const overhead = checkHtmlBalance(text);
	const room = limit - overhead;
	if (room < limit / 2) {
		throw new InputError(
			'The HTML text nests too many tags to be split into messages of 4096 characters.',
		);
	}
	return rebalanceHtml(splitText(text, room, { atomic: HTML_ATOMIC }));
}

function splitMarkdown(text: string, limit: number): string[] {
	for (const match of text.matchAll(MARKDOWN_ATOMIC)) {
		if (match[0].length > limit) {
			throw new InputError(
				`The text holds a Markdown block of ${match[0].length} characters, longer than one Telegram message (${limit}), which cannot be split without breaking it. Use Parse Mode HTML or None.`,
			);
		}
	}
	return splitText(text, limit, { atomic: MARKDOWN_ATOMIC });
}

/**
 * A message text as Telegram-sized parts, in order. Telegram counts the limit after parsing the
 * markup; we count the marked-up text, which is never shorter, so a part is never too long
 * (at worst a text is split into one more part than strictly needed).
 */
export function splitMessageText(text: string, parseMode: ParseMode, limit: number): string[] {
	if (text.trim() === '')
		throw new InputError('The text is empty: Telegram does not send empty messages.');
	if (text.length <= limit) return [text];
	if (parseMode === 'HTML') return splitHtml(text, limit);
	if (parseMode === 'MarkdownV2' || parseMode === 'Markdown') return splitMarkdown(text, limit);
	return splitText(text, limit);
}
