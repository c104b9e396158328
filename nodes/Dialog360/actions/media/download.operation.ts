import { defineOperation, InputError, textParameter } from '../../../shared';
import { downloadMedia, requireCloud } from '../../helpers/media';
import type { Dialog360OperationContext } from '../../helpers/send';

/** A received file into binary: its URL first, then the bytes through 360dialog's host. */
export const download = defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download a received file',
	description: 'Gets the media URL and downloads the file into binary (Cloud API)',
	properties: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '={{ $json.message?.attachments?.[0]?.id }}',
			description:
				'The ID of a received file (the first attachment of a trigger item by default). Failed media requests count against a limit of 5 per hour, so they are never retried.',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
		},
	],
	async execute(context: Dialog360OperationContext) {
		requireCloud(context.account, 'Media → Download');
		const mediaId = textParameter(context.parameter('mediaId')).trim();
		if (!mediaId)
			throw new InputError(
				'"Media ID" is empty.',
				'Map message.attachments[0].id from the trigger.',
			);
		const field = context.parameter<string>('binaryPropertyName', 'data');
		const { info, data } = await downloadMedia(context.execution, mediaId, context.itemIndex);
		const binary = await context.execution.helpers.prepareBinaryData(
			data,
			undefined,
			info.mime_type,
		);
		return {
			json: { ok: true, mediaId, mimeType: info.mime_type, size: data.length, sha256: info.sha256 },
			binary: { [field]: binary },
		};
	},
});
