import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	attachmentLines,
	conversationChatIdField,
	optionsCollection,
	defineOperation,
	InputError,
	jsonObjectParameter,
	MAX_CONVERSATION_KEY_LENGTH,
	textParameter,
	type Attachment,
	type OperationContext,
} from '../../../shared';
import { requireTaskId, taskIdField } from '../../descriptions';
import { selartiRequest, workflowPath } from '../../transport';

/** The send endpoint is not in Selarti's public docs; this is the documented default (see README). */
export const DEFAULT_SEND_MESSAGE_PATH = '/wf/send_message';

const properties: INodeProperties[] = [
	taskIdField(
		'ID of a Selarti task of type "Web" (Selarti panel → Tasks → copy the task ID)',
		'1712345678901x123456789012345678',
	),
	conversationChatIdField(
		'Your unique ID of this conversation. Selarti keeps the dialog context per chat ID and returns it with the answer as "external_chat_id". The default is the conversation key of a channel trigger.',
	),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '={{ $json.message?.text }}',
		description:
			"The user's message for the AI. The default is the message text of a channel trigger.",
	},
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'collection',
		placeholder: 'Add Contact Field',
		default: {},
		description: 'Who wrote the message, so the AI and the managers see it in Selarti',
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '={{ $json.contact?.name }}',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '={{ $json.contact?.phone }}',
			},
			{
				displayName: 'Username',
				name: 'username',
				type: 'string',
				default: '={{ $json.contact?.username }}',
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Additional Body Fields (JSON)',
			name: 'additionalBodyFields',
			type: 'json',
			default: '{}',
			description:
				"Extra fields for the request body, merged over the standard ones. Use it when your account's API names the fields differently.",
		},
		{
			displayName: 'Append Attachments',
			name: 'appendAttachments',
			type: 'boolean',
			default: true,
			description:
				'Whether to append the input item\'s message.attachments to the text as "file:&lt;kind&gt;|&lt;ID&gt;|&lt;URL&gt;" lines, the format AI agents on these channels read',
		},
		{
			displayName: 'Send Message Path',
			name: 'sendMessagePath',
			type: 'string',
			default: DEFAULT_SEND_MESSAGE_PATH,
			description:
				'Path of the "send a message from the user to the AI" endpoint under the Base URL. It is not in Selarti\'s public docs: check it in your account\'s API docs.',
		},
	]),
];

interface SendOptions {
	additionalBodyFields?: unknown;
	appendAttachments?: boolean;
	sendMessagePath?: string;
}

function incomingAttachments(item: INodeExecutionData): Attachment[] {
	const message = item.json.message as IDataObject | undefined;
	const list = message?.attachments;
	if (!Array.isArray(list)) return [];
	return list.filter(
		(a): a is Attachment =>
			typeof a === 'object' && a !== null && typeof (a as IDataObject).kind === 'string',
	);
}

/** Builds the body, checking locally what Selarti would otherwise refuse with a vaguer message. */
export function buildSendBody(context: OperationContext): { path: string; body: IDataObject } {
	const options = context.parameter<SendOptions>('options', {});
	const taskId = requireTaskId(context.parameter('taskId', ''));
	const chatId = textParameter(context.parameter('chatId', '')).trim();
	const text = textParameter(context.parameter('text', ''));

	if (chatId === '') {
		throw new InputError(
			'"Chat ID" is empty',
			'Map the "conversation.key" field of a channel trigger (the default expression does this when the node follows one), or set your own unique ID of the conversation.',
		);
	}
	if (chatId.length > MAX_CONVERSATION_KEY_LENGTH) {
		throw new InputError(
			`"Chat ID" is ${chatId.length} characters long; the limit is ${MAX_CONVERSATION_KEY_LENGTH}`,
			'Map "conversation.key" of a channel trigger rather than building a long ID yourself.',
		);
	}

	const lines =
		options.appendAttachments === false ? [] : attachmentLines(incomingAttachments(context.item));
	const fullText = [text.trim() === '' ? '' : text, ...lines]
		.filter((part) => part !== '')
		.join('\n');
	if (fullText === '') {
		throw new InputError(
			'"Text" is empty and the input item has no attachments',
			'Map the message text (default: {{ $json.message?.text }}) or filter out items without text before this node.',
		);
	}

	const contact = context.parameter<IDataObject>('contact', {});
	const body: IDataObject = { task_id: taskId, chat_id: chatId, text: fullText };
	for (const field of ['name', 'phone', 'username']) {
		const value = contact[field];
		if (value !== undefined && value !== null && String(value).trim() !== '')
			body[field] = String(value);
	}
	Object.assign(
		body,
		jsonObjectParameter(options.additionalBodyFields, 'Additional Body Fields (JSON)'),
	);

	const path = workflowPath(
		options.sendMessagePath || DEFAULT_SEND_MESSAGE_PATH,
		'Send Message Path',
	);
	return { path, body };
}

/**
 * Hands the user's message to the AI task. The answer comes later to the AI Task Trigger. Not
 * idempotent: a send that may have reached Selarti is never repeated (no duplicate AI turns).
 */
export const send = defineOperation({
	value: 'send',
	name: 'Send',
	action: 'Send a message to an AI task',
	description: "Hand a user's message to an AI task; the answer arrives at the AI Task Trigger",
	properties,
	async execute(context) {
		const { path, body } = buildSendBody(context);
		const answer = await selartiRequest<{ response?: unknown } | undefined>(context.execution, {
			method: 'POST',
			path,
			body,
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return {
			json: {
				taskId: body.task_id,
				chatId: body.chat_id,
				text: body.text,
				response: (answer?.response ?? answer ?? {}) as IDataObject,
			},
		};
	},
});
