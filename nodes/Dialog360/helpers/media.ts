import type { IDataObject } from 'n8n-workflow';

import { InputError, type RequestContext } from '../../shared';
import { dialog360Request, type Dialog360Account } from '../transport';

export interface MediaInfo extends IDataObject {
	id: string;
	url: string;
	mime_type?: string;
	sha256?: string;
	file_size?: number;
}

export function requireCloud(account: Dialog360Account, what: string): void {
	if (!account.cloud)
		throw new InputError(
			`${what} needs the Cloud API: 360dialog documents media only there.`,
			'Use a Cloud API key, or send files by link.',
		);
}

/**
 * The media's URL points at Meta's CDN (lookaside.fbsbx.com); 360dialog serves the same path on
 * its own host with the API key (api-reference §4.5), so only path and query are kept.
 */
export function downloadPath(url: string): string {
	const parsed = new URL(url);
	return `${parsed.pathname}${parsed.search}`;
}

/**
 * Media info, then the file. Each call is made once: more than 5 failed media requests in an
 * hour block the number's media for an hour, so a failure is reported, never retried.
 */
export async function downloadMedia(
	context: RequestContext,
	mediaId: string,
	itemIndex?: number,
): Promise<{ info: MediaInfo; data: Buffer }> {
	const info = await dialog360Request<MediaInfo>(context, {
		method: 'GET',
		path: `/${encodeURIComponent(mediaId)}`,
		kind: 'media',
		itemIndex,
	});
	if (!info?.url) throw new InputError(`360dialog gave no URL for media ${mediaId}.`);
	const body = await dialog360Request<unknown>(context, {
		method: 'GET',
		path: downloadPath(info.url),
		kind: 'media',
		binary: true,
		itemIndex,
	});
	return { info, data: toBuffer(body) };
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(String(body ?? ''), 'binary');
}
