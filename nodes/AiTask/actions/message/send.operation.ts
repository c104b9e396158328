import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { attachmentLines, MAX_CONVERSATION_KEY_LENGTH, type Attachment } from '../../../shared';
import { selartiRequest, workflowPath } from '../../transport';
import { jsonObjectParameter } from '../json';

/** The send endpoint is not in Selarti's public docs; this is the documented default (see README). */
export const DEFAULT_SEND_MESSAGE_PATH = '/wf/send_message';

const showForSend = { resource: ['message'], operation: ['send'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1712345678901x123456789012345678',
		description: 'ID of a Selarti task of type "Web" (Selarti panel → Tasks → copy the task ID)',
		displayOptions: { show: showForSend },
	},
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.conversation?.key }}',
		description:
			'Your unique ID of this conversation. Selarti keeps the dialog context per chat ID and returns it with the answer as "external_chat_id". The default is the conversation key of a channel trigger.',
		displayOptions: { show: showForSend },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '={{ $json.message?.text }}',
		description:
			"The user's message for the AI. The default is the message text of a channel trigger.",
		displayOptions: { show: showForSend },
	},
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'collection',
		placeholder: 'Add Contact Field',
		default: {},
		description: 'Who wrote the message, so the AI and the managers see it in Selarti',
		displayOptions: { show: showForSend },
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForSend },
		options: [
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
					'Whether to append the input item\'s message.attachments to the text as "file:&lt;kind&gt;|&lt;id&gt;|&lt;url&gt;" lines, the format AI agents on these channels read',
			},
			{
				displayName: 'Send Message Path',
				name: 'sendMessagePath',
				type: 'string',
				default: DEFAULT_SEND_MESSAGE_PATH,
				description:
					'Path of the "send a message from the user to the AI" endpoint under the Base URL. It is not in Selarti\'s public docs: check it in your account\'s API docs.',
			},
		],
	},
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

function stringParameter(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value);
}

/** Builds the body, checking locally what Selarti would otherwise refuse with a vaguer message. */
export function buildSendBody(
	context: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): { path: string; body: IDataObject } {
	const node = context.getNode();
	const options = context.getNodeParameter('options', itemIndex, {}) as SendOptions;
	const taskId = stringParameter(context, 'taskId', itemIndex).trim();
	const chatId = stringParameter(context, 'chatId', itemIndex).trim();
	const text = stringParameter(context, 'text', itemIndex);

	if (taskId === '') {
		throw new NodeOperationError(node, '"Task ID" is empty', {
			itemIndex,
			description: 'Copy the ID of a task of type "Web" from the Selarti panel.',
		});
	}
	if (chatId === '') {
		throw new NodeOperationError(node, '"Chat ID" is empty', {
			itemIndex,
			description:
				'Map the "conversation.key" field of a channel trigger (the default expression does this when the node follows one), or set your own unique ID of the conversation.',
		});
	}
	if (chatId.length > MAX_CONVERSATION_KEY_LENGTH) {
		throw new NodeOperationError(
			node,
			`"Chat ID" is ${chatId.length} characters long; the limit is ${MAX_CONVERSATION_KEY_LENGTH}`,
			{
				itemIndex,
				description:
					'Map "conversation.key" of a channel trigger rather than building a long ID yourself.',
			},
		);
	}

	const lines =
		options.appendAttachments === false ? [] : attachmentLines(incomingAttachments(item));
	const fullText = [text.trim() === '' ? '' : text, ...lines]
		.filter((part) => part !== '')
		.join('\n');
	if (fullText === '') {
		throw new NodeOperationError(node, '"Text" is empty and the input item has no attachments', {
			itemIndex,
			description:
				'Map the message text (default: {{ $json.message?.text }}) or filter out items without text before this node.',
		});
	}

	const contact = context.getNodeParameter('contact', itemIndex, {}) as IDataObject;
	const body: IDataObject = { task_id: taskId, chat_id: chatId, text: fullText };
	for (const field of ['name', 'phone', 'username']) {
		const value = contact[field];
		if (value !== undefined && value !== null && String(value).trim() !== '')
			body[field] = String(value);
	}
	Object.assign(
		body,
		jsonObjectParameter(
			context,
			options.additionalBodyFields,
			'Additional Body Fields (JSON)',
			itemIndex,
		),
	);

	const path = workflowPath(
		context,
		options.sendMessagePath || DEFAULT_SEND_MESSAGE_PATH,
		'Send Message Path',
		itemIndex,
	);
	return { path, body };
}

/**
 * Hands the user's message to the AI task. The answer comes later to the AI Task Trigger. Not
 * idempotent: a send that may have reached Selarti is never repeated (no duplicate AI turns).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const { path, body } = buildSendBody(this, itemIndex, item);
	const answer = (await selartiRequest.call(this, {
		method: 'POST',
		path,
		body,
		idempotent: false,
		itemIndex,
	})) as { response?: unknown } | undefined;
	return {
		taskId: body.task_id,
		chatId: body.chat_id,
		text: body.text,
		response: (answer?.response ?? answer ?? {}) as IDataObject,
	};
}
