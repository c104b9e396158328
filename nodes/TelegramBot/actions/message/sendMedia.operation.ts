import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { defineOperation, InputError, textParameter, optionsCollection } from '../../../shared';
import {
	chatIdField,
	deliveryOptions,
	parseModeField,
	replyMarkupFields,
} from '../../descriptions';
import { callForChat, chatTargetOf, type TelegramOperationContext } from '../../helpers/chatCall';
import { deliveryFields, type DeliveryOptions } from '../../helpers/delivery';
import { sendPartsInOrder, sentOutput, type SentMessage } from '../../helpers/parts';
import { replyMarkupFromParameters } from '../../helpers/replyMarkup';
import { splitMessageText, type ParseMode } from '../../helpers/text';
import { CAPTION_LIMIT, TEXT_LIMIT, UPLOAD_LIMIT_BYTES } from '../../transport';

const properties: INodeProperties[] = [
	chatIdField,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'URL or File ID',
				value: 'reference',
				description: 'A public HTTPS URL, or the file_id of a file Telegram already has',
			},
			{
				name: 'Binary File',
				value: 'binary',
				description: 'Upload the binary data of the input item',
			},
		],
		default: 'reference',
	},
	{
		displayName: 'URL or File ID',
		name: 'file',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { source: ['reference'] } },
		description: 'Telegram downloads URLs itself (photos up to 5 MB, other files up to 20 MB)',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { source: ['binary'] } },
		description:
			'The binary field of the input item that holds the file (bots upload up to 50 MB, photos up to 10 MB)',
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Longer than 1024 characters? The rest follows as text messages',
	},
	...replyMarkupFields,
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: 'Name shown for an uploaded binary file (default: its own name)',
		},
		parseModeField,
		...deliveryOptions,
	]),
];

interface MediaOptions extends DeliveryOptions {
	parseMode?: ParseMode;
	fileName?: string;
}

/** Caption parts: the first rides on the media, the rest become text messages after it. */
function captionParts(
	caption: string,
	parseMode: ParseMode,
): { caption?: string; followUps: string[] } {
	if (caption.trim() === '') return { followUps: [] };
	if (caption.length <= CAPTION_LIMIT) return { caption, followUps: [] };
	const [first, ...rest] = splitMessageText(caption, parseMode, CAPTION_LIMIT);
	const remainder = rest.join('\n\n');
	return {
		caption: first,
		followUps: remainder ? splitMessageText(remainder, parseMode, TEXT_LIMIT) : [],
	};
}

async function uploadBody(
	context: TelegramOperationContext,
	field: string,
	fields: IDataObject,
	fileNameOverride: string | undefined,
): Promise<(chatId: string) => FormData> {
	const { helpers } = context.execution;
	const propertyName = context.parameter<string>('binaryPropertyName');
	const binary = helpers.assertBinaryData(context.itemIndex, propertyName);
	const buffer = await helpers.getBinaryDataBuffer(context.itemIndex, propertyName);
	if (buffer.length > UPLOAD_LIMIT_BYTES) {
		throw new InputError(
			`The file is ${(buffer.length / 1048576).toFixed(1)} MB; bots can upload at most 50 MB.`,
			'Send a link to the file instead, or use a local Bot API server.',
		);
	}
	const fileName = fileNameOverride || binary.fileName || `${field}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	return (chatId) => {
		const form = new FormData();
		form.append('chat_id', chatId);
		for (const [key, value] of Object.entries(fields)) {
			if (value === undefined) continue;
			form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
		form.append(field, new Blob([buffer], { type: mimeType }), fileName);
		return form;
	};
}

/** One media operation: its identity, and the Bot API method and file field it sends with. */
interface MediaKind<Value extends string> {
	value: Value;
	name: string;
	action: string;
	/** The Bot API method, e.g. sendPhoto. */
	method: string;
	/** The method's file field, e.g. photo. */
	field: string;
}

/**
 * The five media sends differ only in the method and its file field. A caption longer than one
 * caption goes on as text messages after the media, buttons on the last of them.
 */
function mediaOperation<const Value extends string>(kind: MediaKind<Value>) {
	return defineOperation({
		value: kind.value,
		name: kind.name,
		action: kind.action,
		properties,
		async execute(context: TelegramOperationContext) {
			const { method, field } = kind;
			const target = chatTargetOf(context);
			const source = context.parameter<'reference' | 'binary'>('source');
			const options = context.parameter<MediaOptions>('options', {});
			const parseMode = options.parseMode ?? '';
			const replyMarkup = replyMarkupFromParameters(context);
			const { caption, followUps } = captionParts(
				textParameter(context.parameter('caption', '')),
				parseMode,
			);
			const total = 1 + followUps.length;

			const mediaFields: IDataObject = { ...deliveryFields(options, true) };
			if (caption) mediaFields.caption = caption;
			if (caption && parseMode) mediaFields.parse_mode = parseMode;
			if (replyMarkup && total === 1) mediaFields.reply_markup = replyMarkup;

			let mediaBody: (chatId: string) => IDataObject | FormData;
			if (source === 'binary') {
				mediaBody = await uploadBody(context, field, mediaFields, options.fileName);
			} else {
				const file = textParameter(context.parameter('file')).trim();
				if (!file) throw new InputError('URL or File ID is empty.');
				mediaBody = (chatId) => ({ chat_id: chatId, [field]: file, ...mediaFields });
			}

			const sent = await sendPartsInOrder(total, async (index) => {
				if (index === 0) return await callForChat<SentMessage>(context, target, method, mediaBody);
				const body: IDataObject = { text: followUps[index - 1], ...deliveryFields(options, false) };
				if (parseMode) body.parse_mode = parseMode;
				if (replyMarkup && index === total - 1) body.reply_markup = replyMarkup;
				return await callForChat<SentMessage>(context, target, 'sendMessage', (chatId) => ({
					chat_id: chatId,
					...body,
				}));
			});
			return { json: sentOutput(target, sent) };
		},
	});
}

export const sendPhoto = mediaOperation({
	value: 'sendPhoto',
	name: 'Send Photo',
	action: 'Send a photo',
	method: 'sendPhoto',
	field: 'photo',
});

export const sendDocument = mediaOperation({
	value: 'sendDocument',
	name: 'Send Document',
	action: 'Send a document',
	method: 'sendDocument',
	field: 'document',
});

export const sendVideo = mediaOperation({
	value: 'sendVideo',
	name: 'Send Video',
	action: 'Send a video',
	method: 'sendVideo',
	field: 'video',
});

export const sendAudio = mediaOperation({
	value: 'sendAudio',
	name: 'Send Audio',
	action: 'Send an audio file',
	method: 'sendAudio',
	field: 'audio',
});

export const sendVoice = mediaOperation({
	value: 'sendVoice',
	name: 'Send Voice',
	action: 'Send a voice message',
	method: 'sendVoice',
	field: 'voice',
});
