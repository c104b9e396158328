import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { CAPTION_LIMIT, TEXT_LIMIT, UPLOAD_LIMIT_BYTES } from '../../transport';
import {
	chatIdField,
	deliveryOptions,
	parseModeField,
	replyMarkupFields,
	showFor,
} from '../common/fields';
import {
	callForChat,
	deliveryFields,
	replyMarkupFromParameters,
	type DeliveryOptions,
	type OperationContext,
	type SentMessage,
	chatTargetOf,
} from '../common/send';
import { splitMessageText, type ParseMode } from '../common/text';
import { sendPartsInOrder } from './parts';
import { sentOutput } from './sendText';

/** Operation → Bot API method and the name of its file field. */
export const MEDIA_OPERATIONS = {
	sendPhoto: { method: 'sendPhoto', field: 'photo', label: 'Photo' },
	sendDocument: { method: 'sendDocument', field: 'document', label: 'Document' },
	sendVideo: { method: 'sendVideo', field: 'video', label: 'Video' },
	sendAudio: { method: 'sendAudio', field: 'audio', label: 'Audio' },
	sendVoice: { method: 'sendVoice', field: 'voice', label: 'Voice' },
} as const;

export type MediaOperation = keyof typeof MEDIA_OPERATIONS;

const operations = Object.keys(MEDIA_OPERATIONS);

export const description: INodeProperties[] = showFor('message', operations, [
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
		description: 'Longer than 1024 characters? The rest follows as text messages.',
	},
	...replyMarkupFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name shown for an uploaded binary file (default: its own name)',
			},
			parseModeField,
			...deliveryOptions,
		],
	},
]);

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
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
	fields: IDataObject,
	fileNameOverride: string | undefined,
): Promise<(chatId: string) => FormData> {
	const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, propertyName);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	if (buffer.length > UPLOAD_LIMIT_BYTES) {
		throw new NodeOperationError(
			this.getNode(),
			`The file is ${(buffer.length / 1048576).toFixed(1)} MB; bots can upload at most 50 MB.`,
			{
				itemIndex,
				description: 'Send a link to the file instead, or use a local Bot API server.',
			},
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
	operation: MediaOperation,
): Promise<INodeExecutionData> {
	const { method, field } = MEDIA_OPERATIONS[operation];
	const target = chatTargetOf(this, itemIndex, context.botId);
	const source = this.getNodeParameter('source', itemIndex) as 'reference' | 'binary';
	const options = this.getNodeParameter('options', itemIndex, {}) as MediaOptions;
	const parseMode = options.parseMode ?? '';
	const replyMarkup = replyMarkupFromParameters.call(this, itemIndex);
	const { caption, followUps } = captionParts(
		String(this.getNodeParameter('caption', itemIndex, '') ?? ''),
		parseMode,
	);
	const total = 1 + followUps.length;

	const mediaFields: IDataObject = { ...deliveryFields(options, true) };
	if (caption) mediaFields.caption = caption;
	if (caption && parseMode) mediaFields.parse_mode = parseMode;
	if (replyMarkup && total === 1) mediaFields.reply_markup = replyMarkup;

	let mediaBody: (chatId: string) => IDataObject | FormData;
	if (source === 'binary') {
		mediaBody = await uploadBody.call(this, itemIndex, field, mediaFields, options.fileName);
	} else {
		const file = String(this.getNodeParameter('file', itemIndex) ?? '').trim();
		if (!file)
			throw new NodeOperationError(this.getNode(), 'URL or File ID is empty.', { itemIndex });
		mediaBody = (chatId) => ({ chat_id: chatId, [field]: file, ...mediaFields });
	}

	const itemContext = { ...context, itemIndex };
	const sent = await sendPartsInOrder(total, async (index) => {
		if (index === 0)
			return (await callForChat.call(this, target, itemContext, method, mediaBody)) as SentMessage;
		const body: IDataObject = { text: followUps[index - 1], ...deliveryFields(options, false) };
		if (parseMode) body.parse_mode = parseMode;
		if (replyMarkup && index === total - 1) body.reply_markup = replyMarkup;
		return (await callForChat.call(this, target, itemContext, 'sendMessage', (chatId) => ({
			chat_id: chatId,
			...body,
		}))) as SentMessage;
	});
	return { json: sentOutput(target, sent), pairedItem: { item: itemIndex } };
}
