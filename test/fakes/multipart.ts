/**
 * A small multipart/form-data parser (RFC 7578) so the fakes can record uploads without a
 * dependency. It handles what HTTP clients (form-data, undici, axios) actually send: CRLF line
 * breaks, quoted names and filenames, per-part Content-Type. It does not handle nested
 * multipart/mixed parts or `filename*=` encodings, which no client we test against produces.
 */

export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
	size: number;
}

export interface MultipartResult {
	fields: Record<string, string>;
	files: UploadedFile[];
}

/** Reads the boundary out of a Content-Type header; undefined when it is not multipart. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

function parsePartHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function dispositionParam(disposition: string, name: string): string | undefined {
	const match =
		new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition) ??
		new RegExp(`(?:^|;)\\s*${name}=([^;]+)`, 'i').exec(disposition);
	// The WHATWG encoding (form-data, browsers, undici) percent-encodes '"', CR and LF.
	return match
		? match[1]
				.replace(/\\"/g, '"')
				.replace(/%22/g, '"')
				.replace(/%0D/gi, '\r')
				.replace(/%0A/gi, '\n')
		: undefined;
}

/**
 * Parses a multipart body. A field sent twice keeps its last value (what Telegram and most
 * servers do); every file is kept.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
	const result: MultipartResult = { fields: {}, files: [] };
	const delimiter = Buffer.from(`--${boundary}`);
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const afterDelimiter = start + delimiter.length;
		// "--" right after the delimiter marks the closing boundary.
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, afterDelimiter);
		if (next === -1) break;
		// A part is: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
		const part = body.subarray(afterDelimiter + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = parsePartHeaders(part.subarray(0, headerEnd).toString('utf8'));
			const content = part.subarray(headerEnd + 4);
			const disposition = headers['content-disposition'] ?? '';
			const name = dispositionParam(disposition, 'name');
			const filename = dispositionParam(disposition, 'filename');
			if (name !== undefined) {
				if (filename !== undefined) {
					result.files.push({
						field: name,
						filename,
						contentType: headers['content-type'] ?? 'application/octet-stream',
						data: Buffer.from(content),
						size: content.length,
					});
				} else {
					result.fields[name] = content.toString('utf8');
				}
			}
		}
		start = next;
	}
	return result;
}
