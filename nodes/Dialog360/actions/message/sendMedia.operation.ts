import type { IDataObject } from 'n8n-workflow';

import {
	defineOperation,
	InputError,
	optionsCollection,
	settle,
	textParameter,
} from '../../../shared';
import { chatIdField, windowTemplateOptions } from '../../descriptions';
import { resolveRecipient } from '../../helpers/chat';
import { sendMessage, sentOutput, type Dialog360OperationContext } from '../../helpers/send';
import { sendWithinWindow, windowTemplateOf } from '../../helpers/window';
import { CAPTION_LIMIT, isMediaRefusedError } from '../../transport';

const WITH_CAPTION = ['image', 'document', 'video'];

/**
 * A file by link or by media id. When WhatsApp refuses a link (a format it does not take for
 * that kind, or a file it cannot fetch) the link goes out as text, so the user still gets it.
 */
export const sendMedia = defineOperation({
	value: 'sendMedia',
	name: 'Send Media',
	action: 'Send an image, document, audio, video or sticker',
	description: 'By link or by an uploaded media ID',
	properties: [
		chatIdField,
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			options: [
				{ name: 'Audio', value: 'audio' },
				{ name: 'Document', value: 'document' },
				{ name: 'Image', value: 'image' },
				{ name: 'Sticker', value: 'sticker' },
				{ name: 'Video', value: 'video' },
			],
			default: 'image',
			description: 'Images: JPEG or PNG; video: MP4 or 3GPP; stickers: WebP; documents: any file',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Link', value: 'link', description: 'A public HTTPS URL WhatsApp downloads' },
				{
					name: 'Media ID',
					value: 'id',
					description: 'The ID of a file uploaded with Media → Upload',
				},
			],
			default: 'link',
		},
		{
			displayName: 'Link',
			name: 'link',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/price-list.pdf',
			displayOptions: { show: { source: ['link'] } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { source: ['id'] } },
		},
		optionsCollection([
			{
				displayName: 'Caption',
				name: 'caption',
				type: 'string',
				default: '',
				description: 'Text under an image, video or document (up to 1024 characters)',
			},
			{
				displayName: 'File Name',
				name: 'filename',
				type: 'string',
				default: '',
				description: 'The name a document is shown with, e.g. price-list.pdf',
			},
			{
				displayName: 'Send Link as Text if Refused',
				name: 'fallbackToText',
				type: 'boolean',
				default: true,
				description:
					'Whether to send the link as a text message when WhatsApp refuses the file (unsupported format, unreachable URL)',
			},
			...windowTemplateOptions,
		]),
	],
	async execute(context: Dialog360OperationContext) {
		const to = resolveRecipient(context.parameter('chatId'));
		const kind = context.parameter<string>('mediaType', 'image');
		const source = context.parameter<string>('source', 'link');
		const options = context.parameter<IDataObject>('options', {});
		const caption = textParameter(options.caption).trim();
		if (caption.length > CAPTION_LIMIT)
			throw new InputError(
				`"Caption" is ${caption.length} characters; WhatsApp allows ${CAPTION_LIMIT}.`,
				'Shorten it, or send the text as its own message.',
			);
		const payload: IDataObject = {};
		const link = textParameter(context.parameter('link', '')).trim();
		if (source === 'link') {
			if (!/^https?:\/\//i.test(link))
				throw new InputError(
					`"Link" must be an http(s) URL, got "${link}".`,
					'Enter a public URL WhatsApp can download.',
				);
			payload.link = link;
		} else {
			const mediaId = textParameter(context.parameter('mediaId', '')).trim();
			if (!mediaId) throw new InputError('"Media ID" is empty.', 'Map the id from Media → Upload.');
			payload.id = mediaId;
		}
		if (caption && WITH_CAPTION.includes(kind)) payload.caption = caption;
		if (options.filename && kind === 'document') payload.filename = String(options.filename);

		let fellBack = false;
		const result = await sendWithinWindow(context, to, windowTemplateOf(options), async () => {
			const sent = await settle(sendMessage(context, to, kind, payload));
			if (sent.ok) return [sent.value];
			const fallback = source === 'link' && options.fallbackToText !== false;
			if (!fallback || !isMediaRefusedError(sent.error)) throw sent.error;
			fellBack = true;
			const text = caption ? `${caption}\n${link}` : link;
			return [await sendMessage(context, to, 'text', { body: text, preview_url: true })];
		});
		return {
			json: sentOutput(to, result.messageIds, {
				sentTemplate: result.sentTemplate,
				sentAsTextLink: fellBack,
			}),
		};
	},
});
