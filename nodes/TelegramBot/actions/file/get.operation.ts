import { defineOperation, InputError, textParameter } from '../../../shared';
import type { TelegramOperationContext } from '../../helpers/chatCall';
import { DOWNLOAD_LIMIT_BYTES, telegramDownload, telegramRequest } from '../../transport';

interface TelegramFile {
	file_id: string;
	file_unique_id?: string;
	file_size?: number;
	file_path?: string;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a file',
	description: "Get a file's details and download it (up to 20 MB)",
	properties: [
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			required: true,
			default: '={{ $json.message?.attachments?.[0]?.id }}',
			description:
				'The file_id of a photo, document, voice… (the ID of an attachment of a Telegram trigger item)',
		},
		{
			displayName: 'Download',
			name: 'download',
			type: 'boolean',
			default: true,
			description:
				'Whether to download the file into a binary field. Telegram lets bots download files up to 20 MB.',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			displayOptions: { show: { download: [true] } },
		},
	],
	async execute(context: TelegramOperationContext) {
		const { execution, itemIndex } = context;
		const fileId = textParameter(context.parameter('fileId')).trim();
		if (!fileId) throw new InputError('File ID is empty.');
		const file = await telegramRequest<TelegramFile>(execution, {
			method: 'getFile',
			body: { file_id: fileId },
			kind: 'read',
			itemIndex,
		});
		const json = {
			fileId: file.file_id,
			fileUniqueId: file.file_unique_id,
			fileSize: file.file_size,
			filePath: file.file_path,
			fileName: file.file_path?.split('/').pop(),
		};
		if (!context.parameter('download', true)) return { json };

		if ((file.file_size ?? 0) > DOWNLOAD_LIMIT_BYTES || !file.file_path) {
			throw new InputError(
				'Telegram does not offer this file for download.',
				'Bots can download files up to 20 MB through the cloud Bot API; a local Bot API server lifts the limit.',
			);
		}
		const data = await telegramDownload(execution, file.file_path, { itemIndex });
		const propertyName = context.parameter<string>('binaryPropertyName', 'data');
		const binary = await execution.helpers.prepareBinaryData(data, json.fileName);
		return { json, binary: { [propertyName]: binary } };
	},
});
