import type { IBinaryData, IBinaryKeyData, IDataObject } from 'n8n-workflow';

import { apiRequest, type RequestContext } from '../../shared';
import { wazzupProfile } from '../transport';

export interface DownloadContext extends RequestContext {
	helpers: RequestContext['helpers'] & {
		prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData>;
	};
}

function bytes(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(String(body ?? ''), 'binary');
}

/**
 * Downloads a message's contentUri into the binary field "data". The URL is absolute, so the
 * credential adds no key to it. A failure does not lose the message: the item says why instead.
 */
export async function downloadAttachment(
	context: DownloadContext,
	item: IDataObject,
): Promise<IBinaryKeyData | undefined> {
	const message = item.message as IDataObject | undefined;
	const attachment = (message?.attachments as IDataObject[] | undefined)?.[0];
	const url = typeof attachment?.url === 'string' ? attachment.url : undefined;
	if (!message || !url || !/^https?:\/\//i.test(url)) return undefined;
	try {
		const body = await apiRequest.call(context, wazzupProfile, {
			method: 'GET',
			url,
			binary: true,
			idempotent: true,
		});
		const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'file');
		return { data: await context.helpers.prepareBinaryData(bytes(body), fileName) };
	} catch (error) {
		message.downloadError = error instanceof Error ? error.message : String(error);
		return undefined;
	}
}
