import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { DOWNLOAD_LIMIT_BYTES, telegramCall, telegramDownload } from '../../transport';
import { showFor } from '../common/fields';

export const description: INodeProperties[] = showFor(
	'file',
	['get'],
	[
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			required: true,
			default: '={{ $json.message?.attachments?.[0]?.id }}',
			description:
				'The file_id of a photo, document, voice… (the id of an attachment of a Telegram trigger item)',
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
);

interface TelegramFile {
	file_id: string;
	file_unique_id?: string;
	file_size?: number;
	file_path?: string;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const fileId = String(this.getNodeParameter('fileId', itemIndex) ?? '').trim();
	if (!fileId) throw new NodeOperationError(this.getNode(), 'File ID is empty.', { itemIndex });
	const file = await telegramCall<TelegramFile>(this, {
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
	if (!this.getNodeParameter('download', itemIndex, true))
		return { json, pairedItem: { item: itemIndex } };

	if ((file.file_size ?? 0) > DOWNLOAD_LIMIT_BYTES || !file.file_path) {
		throw new NodeOperationError(
			this.getNode(),
			'Telegram does not offer this file for download.',
			{
				itemIndex,
				description:
					'Bots can download files up to 20 MB through the cloud Bot API; a local Bot API server lifts the limit.',
			},
		);
	}
	const data = await telegramDownload(this, file.file_path, { itemIndex });
	const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = await this.helpers.prepareBinaryData(data, json.fileName);
	return { json, binary: { [propertyName]: binary }, pairedItem: { item: itemIndex } };
}
