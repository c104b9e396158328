import { defineOperation } from '../../../shared';
import { requireCloud } from '../../helpers/media';
import type { Dialog360OperationContext } from '../../helpers/send';
import { dialog360Request } from '../../transport';

/** Uploads a file for sending by media ID (kept 30 days by WhatsApp). Never retried. */
export const upload = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file for sending',
	description: 'Returns a media ID for Message → Send Media (Cloud API)',
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			description: 'The binary field of the input item that holds the file',
		},
	],
	async execute(context: Dialog360OperationContext) {
		requireCloud(context.account, 'Media → Upload');
		const field = context.parameter<string>('binaryPropertyName', 'data');
		const helpers = context.execution.helpers;
		const binary = helpers.assertBinaryData(context.itemIndex, field);
		const buffer = await helpers.getBinaryDataBuffer(context.itemIndex, field);
		const mimeType = binary.mimeType || 'application/octet-stream';
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('type', mimeType);
		form.append('file', new Blob([buffer], { type: mimeType }), binary.fileName ?? 'file');
		const answer = await dialog360Request<{ id?: string }>(context.execution, {
			method: 'POST',
			path: '/media',
			body: form,
			kind: 'media',
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, mediaId: String(answer?.id ?? ''), mimeType } };
	},
});
