const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	laquo: '«',
	raquo: '»',
	mdash: '—',
	ndash: '–',
	hellip: '…',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isInteger(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/**
 * Plain text from Omnidesk's HTML (a rule's [last_message] is HTML): line breaks kept where the
 * HTML breaks lines, tags dropped, entities decoded, runs of blank lines collapsed. Text without
 * tags passes through (entities aside).
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h[1-6]|blockquote|tr)>/gi, '\n')
		.replace(/<li[^>]*>/gi, '• ')
		.replace(/<[/!]?[a-z][^>]*>/gi, '');
	return decodeEntities(text)
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Whether a value looks like HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
	return /<\/?[a-z][^>]*>/i.test(text);
}
