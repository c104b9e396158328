/**
 * Binary helpers as n8n behaves in its default (in-memory, base64) binary mode, so nodes can
 * prepare and read files in unit tests without n8n-core's BinaryDataService and its DI setup.
 */
import { extname } from 'node:path';

import {
	NodeOperationError,
	type IBinaryData,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

const MIME_BY_EXTENSION: Record<string, string> = {
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.png': 'image/png',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.pdf': 'application/pdf',
	'.txt': 'text/plain',
	'.json': 'application/json',
	'.mp4': 'video/mp4',
	'.mp3': 'audio/mpeg',
	'.ogg': 'audio/ogg',
	'.oga': 'audio/ogg',
	'.csv': 'text/csv',
};

function humanSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileTypeOf(mimeType: string): IBinaryData['fileType'] {
	const [major] = mimeType.split('/');
	if (major === 'image' || major === 'video' || major === 'audio' || major === 'text') return major;
	if (mimeType === 'application/json') return 'json';
	if (mimeType === 'application/pdf') return 'pdf';
	return undefined;
}

export async function prepareBinaryData(
	data: Buffer | Uint8Array,
	fileName?: string,
	mimeType?: string,
): Promise<IBinaryData> {
	const buffer = Buffer.from(data);
	const extension = fileName ? extname(fileName).toLowerCase() : '';
	const mime = mimeType ?? MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
	const binary: IBinaryData = {
		data: buffer.toString('base64'),
		mimeType: mime,
		fileSize: humanSize(buffer.length),
		bytes: buffer.length,
	};
	if (fileName) binary.fileName = fileName;
	if (extension) binary.fileExtension = extension.slice(1);
	const fileType = fileTypeOf(mime);
	if (fileType) binary.fileType = fileType;
	return binary;
}

export function assertBinaryData(
	node: INode,
	items: INodeExecutionData[],
	itemIndex: number,
	propertyName: string,
): IBinaryData {
	const binary = items[itemIndex]?.binary;
	if (binary === undefined) {
		throw new NodeOperationError(node, 'No binary data exists on item!', { itemIndex });
	}
	const property = binary[propertyName];
	if (property === undefined) {
		throw new NodeOperationError(node, `Item has no binary property called "${propertyName}"`, {
			itemIndex,
		});
	}
	return property;
}

export async function getBinaryDataBuffer(
	items: INodeExecutionData[],
	itemIndex: number,
	propertyName: string,
): Promise<Buffer> {
	const binary = items[itemIndex]?.binary?.[propertyName];
	if (!binary) throw new Error(`No binary property "${propertyName}" on item ${itemIndex}`);
	return Buffer.from(binary.data, 'base64');
}
