import type { INodeProperties } from 'n8n-workflow';

/**
 * The "Chat ID" field of every channel's action node. Its default is the conversation key of the
 * incoming item (a channel trigger's or the AI Task Trigger's `conversation.key`), so a node
 * placed after a trigger needs no mapping. Name and default are part of saved workflows.
 */
export function conversationChatIdField(description: string): INodeProperties {
	return {
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.conversation?.key }}',
		description,
	};
}

/**
 * The "Options" collection of an operation or a trigger: optional settings, folded away until
 * added. Its name is part of saved workflows.
 */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
