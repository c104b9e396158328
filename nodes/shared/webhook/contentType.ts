/**
 * Which Content-Type a trigger accepts. n8n parses the body before a node sees it, by
 * Content-Type and charset (JSON, form, XML, text), so a JSON object can arrive labelled
 * text/html, octet-stream, UTF-16 or with no label at all. Providers send one declared type; a
 * delivery with any other is not from them, and is refused with 415 before its body is read.
 */
export type AcceptedBody = 'json' | 'form';

const MEDIA_TYPES: Record<AcceptedBody, string> = {
	json: 'application/json',
	form: 'application/x-www-form-urlencoded',
};

/** Longer header values are cut in the answer: the caller does not need its own header back. */
const MAX_ECHOED_LENGTH = 80;

function describeAccepted(accepted: readonly AcceptedBody[]): string {
	return accepted.map((kind) => MEDIA_TYPES[kind]).join(' or ');
}

/**
 * The media type a Content-Type header names, and its charset when it names one. Parameters that
 * are not `name=value` are ignored: Wazzup documents `application/json; charset-utf-8`.
 */
export function parseContentType(header: string): { mediaType: string; charset?: string } {
	const [type, ...parameters] = header.split(';');
	let charset: string | undefined;
	for (const parameter of parameters) {
		const match = /^\s*charset\s*=\s*"?([^"\s]*)"?\s*$/i.exec(parameter);
		if (match) charset = match[1].toLowerCase();
	}
	return { mediaType: type.trim().toLowerCase(), charset };
}

/** Why a delivery's Content-Type is refused, or undefined when the trigger accepts it. */
export function contentTypeProblem(
	header: unknown,
	accepted: readonly AcceptedBody[],
): string | undefined {
	const expected = describeAccepted(accepted);
	if (typeof header !== 'string' || header.trim() === '') {
		return `The request has no Content-Type; send ${expected}.`;
	}
	const { mediaType, charset } = parseContentType(header);
	const shown =
		header.length > MAX_ECHOED_LENGTH ? `${header.slice(0, MAX_ECHOED_LENGTH)}…` : header;
	if (!accepted.some((kind) => MEDIA_TYPES[kind] === mediaType)) {
		return `Content-Type "${shown}" is not accepted; send ${expected}.`;
	}
	if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
		return `Content-Type "${shown}" names a charset other than UTF-8; send the body as UTF-8.`;
	}
	return undefined;
}
