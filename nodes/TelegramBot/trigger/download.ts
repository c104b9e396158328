import type { IBinaryKeyData, IBinaryData } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { DOWNLOAD_LIMIT_BYTES, telegramRequest, telegramDownload } from '../transport';
import type { TelegramEvent } from './parse';

const DOWNLOADABLE = new Set([
	'photo',
	'document',
	'voice',
	'audio',
	'video',
	'video_note',
	'animation',
]);

export interface DownloadContext extends RequestContext {
	helpers: RequestContext['helpers'] & {
		prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData>;
	};
}

/**
 * Downloads the message's file (the largest photo size, a document, a voice…) into the binary
 * field `data`. A failure does not lose the update: the item carries `message.downloadError`
 * instead, because Telegram would otherwise redeliver (webhook) or we would stall (polling).
 */
export async function downloadFirstFile(
	context: DownloadContext,
	event: TelegramEvent,
	abortSignal?: AbortSignal,
): Promise<IBinaryKeyData | undefined> {
	const attachment = event.message.attachments.find((a) => DOWNLOADABLE.has(a.kind) && a.id);
	if (!attachment?.id) return undefined;
	if ((attachment.size ?? 0) > DOWNLOAD_LIMIT_BYTES) {
		event.message.downloadError =
			'The file is larger than 20 MB, the most Telegram lets bots download.';
		return undefined;
	}
	try {
		const file = await telegramRequest<{ file_path?: string; file_size?: number }>(context, {
			method: 'getFile',
			body: { file_id: attachment.id },
			kind: 'read',
			abortSignal,
		});
		if (!file.file_path) throw new Error('Telegram gave no file_path for this file.');
		const data = await telegramDownload(context, file.file_path, { abortSignal });
		const fileName = attachment.fileName ?? file.file_path.split('/').pop();
		const binary = await context.helpers.prepareBinaryData(data, fileName, attachment.mimeType);
		return { data: binary };
	} catch (error) {
		event.message.downloadError = error instanceof Error ? error.message : String(error);
		return undefined;
	}
}
