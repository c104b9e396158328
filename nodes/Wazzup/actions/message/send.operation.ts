import type { IDataObject } from 'n8n-workflow';

import {
	InputError,
	defineOperation,
	optionsCollection,
	splitText,
	textParameter,
} from '../../../shared';
import { buttonFields, channelField, chatIdField, chatTypeField } from '../../descriptions';
import { buttonsObject, type ButtonSettings } from '../../helpers/buttons';
import { unknownChannelError } from '../../helpers/channels';
import { crmMessageIdFor, targetOutput, type WazzupOperationContext } from '../../helpers/context';
import { userCrmMessageId } from '../../helpers/crmMessageId';
import { sendInOrder } from '../../helpers/send';
import { resolveTarget } from '../../helpers/target';
import { templateValues } from '../../helpers/template';
import { FALLBACK_TEXT_LIMIT, TEXT_LIMITS } from '../../transport';

interface SendOptions {
	clearUnanswered?: boolean;
	crmMessageId?: string;
	crmUserId?: string;
	refMessageId?: string;
	templateId?: string;
	templateValues?: unknown;
}

/**
 * Sends a text, a file, or both (Wazzup takes one of them per message, so both make two
 * messages: the text first), or a WABA template. A long text is split at the channel's limit.
 * Every message carries a crmMessageId, which makes a retry after a lost answer safe.
 */
export const send = defineOperation({
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description: 'Text, file or WABA template; long texts are split into several messages',
	properties: [
		chatIdField,
		channelField,
		chatTypeField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description:
				'Longer than the messenger allows (WhatsApp 10 000, WABA and Telegram 4 096, Instagram 1 000 characters)? It is sent as several messages, split between paragraphs, sentences or words',
		},
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/price-list.pdf',
			description:
				'A public link to a file, without redirects; Wazzup fetches it at once. With a text, the file goes as a second message.',
		},
		...buttonFields,
		optionsCollection([
			{
				displayName: 'Clear Unanswered',
				name: 'clearUnanswered',
				type: 'boolean',
				default: false,
				description:
					'Whether this message marks the chat as answered in Wazzup. Off by default: an automated reply should leave the client on the managers\' "unanswered" list.',
			},
			{
				displayName: 'CRM Message ID',
				name: 'crmMessageId',
				type: 'string',
				default: '',
				description:
					'Your own idempotency key. Empty: derived from the execution, node and item, so a retried request is never delivered twice.',
			},
			{
				displayName: 'CRM User ID',
				name: 'crmUserId',
				type: 'string',
				default: '',
				description: 'The author shown in Wazzup (not with a sidecar key)',
			},
			{
				displayName: 'Quote Message ID',
				name: 'refMessageId',
				type: 'string',
				default: '',
				description: 'The ID of a message to quote (the first message quotes it)',
			},
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				description: 'A WABA template to send instead of a text (see Template → Get Many)',
			},
			{
				displayName: 'Template Values',
				name: 'templateValues',
				type: 'json',
				default: '[]',
				description:
					'The template\'s variables in order, as a JSON array of texts, e.g. ["Anna", "12:30"]',
			},
		]),
	],
	async execute(context: WazzupOperationContext) {
		const { itemIndex } = context;
		const target = await resolveTarget(
			{
				chatId: context.parameter('chatId'),
				channelId: textParameter(context.parameter('channelId', '')),
				chatType: textParameter(context.parameter('chatType', 'auto')),
			},
			context.channels,
			itemIndex,
		);
		const text = textParameter(context.parameter('text', '')).trim();
		const fileUrl = textParameter(context.parameter('fileUrl', '')).trim();
		const options = context.parameter<SendOptions>('options', {});
		const templateId = textParameter(options.templateId).trim();
		const buttons = buttonsObject({
			mode: context.parameter<ButtonSettings['mode']>('buttonsMode', 'none'),
			buttons: context.parameter('buttons', {}),
			json: context.parameter('buttonsJson', ''),
		});

		const contents: IDataObject[] = [];
		if (templateId) {
			if (text) {
				throw new InputError(
					'Text and Template ID are both set: a template message has no free text.',
					'Clear the Text, or remove the Template ID option.',
				);
			}
			contents.push({ templateId, templateValues: templateValues(options.templateValues) });
		} else if (text) {
			const limit = await textLimit(context, target.channelId, text.length);
			for (const part of splitText(text, limit)) contents.push({ text: part });
		}
		if (fileUrl) {
			if (!/^https?:\/\//i.test(fileUrl)) {
				throw new InputError(
					`File URL "${fileUrl}" is not a web address.`,
					'Give a public http(s) link that Wazzup can download.',
				);
			}
			contents.push({ contentUri: fileUrl });
		}
		if (contents.length === 0) {
			throw new InputError(
				'Nothing to send: Text and File URL are both empty.',
				'Fill in the Text (e.g. map the AI answer), a File URL, or a Template ID in the options.',
			);
		}

		const givenCrmId = textParameter(options.crmMessageId).trim();
		const bodies = contents.map((content, part) => {
			const body: IDataObject & { crmMessageId: string } = {
				channelId: target.channelId,
				chatType: target.chatType,
				chatId: target.chatId,
				...content,
				clearUnanswered: options.clearUnanswered === true,
				crmMessageId: givenCrmId
					? userCrmMessageId(givenCrmId, part)
					: crmMessageIdFor(context, part),
			};
			const crmUserId = textParameter(options.crmUserId).trim();
			if (crmUserId) body.crmUserId = crmUserId;
			const quote = textParameter(options.refMessageId).trim();
			if (quote && part === 0) body.refMessageId = quote;
			if (buttons && part === contents.length - 1) body.buttonsObject = buttons;
			return body;
		});

		const sent = await sendInOrder(context.execution, bodies, itemIndex);
		return {
			json: {
				ok: true,
				...targetOutput(target),
				messageId: sent[0]?.messageId,
				messageIds: sent.map((part) => part.messageId ?? null),
				crmMessageIds: sent.map((part) => part.crmMessageId),
				parts: sent.length,
				alreadySent: sent.some((part) => part.alreadySent),
				messages: sent,
			},
		};
	},
});

/**
 * The text limit of the channel's messenger. A text within the smallest limit of all needs no
 * lookup; a longer one asks the channel list (once per run) for the channel's transport.
 */
async function textLimit(
	context: WazzupOperationContext,
	channelId: string,
	length: number,
): Promise<number> {
	if (length <= FALLBACK_TEXT_LIMIT) return FALLBACK_TEXT_LIMIT;
	const channel = await context.channels.find(channelId, context.itemIndex);
	if (!channel) throw unknownChannelError(channelId);
	return TEXT_LIMITS[channel.transport] ?? FALLBACK_TEXT_LIMIT;
}
