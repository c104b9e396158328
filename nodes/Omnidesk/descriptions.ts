import type { INodeProperties } from 'n8n-workflow';

import { conversationChatIdField } from '../shared';

/**
 * The case an operation works on. Named chatId like every channel's conversation field
 * (docs/architecture.md): its default is the incoming item's conversation key.
 */
export const caseField: INodeProperties = {
	...conversationChatIdField(
		'The case: the conversation key from the Omnidesk trigger or the AI Task Trigger (omnidesk:2000), a case ID (2000) or a case number (664-245651)',
	),
	displayName: 'Case ID or Number',
};

/** "Return All" and "Limit", as n8n's own list operations have them. */
export function pagingFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** undefined = every item (Return All), otherwise the Limit. */
export function wantedCount(parameter: <T>(name: string, fallback?: T) => T): number | undefined {
	return parameter('returnAll', false) ? undefined : Math.max(1, Number(parameter('limit', 50)));
}

export const groupField = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Group Name or ID',
	name: 'groupId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...overrides,
});

export const staffField = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Staff Member Name or ID',
	name: 'staffId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getStaff' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...overrides,
});

export const labelsField = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: 'Label Names or IDs',
	name: 'labelIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLabels' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...overrides,
});

export const STATUS_OPTIONS = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'Open', value: 'open' },
	{ name: 'Waiting', value: 'waiting' },
];

export const PRIORITY_OPTIONS = [
	{ name: 'Critical', value: 'critical' },
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Normal', value: 'normal' },
];

export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields (JSON)',
	name: 'customFields',
	type: 'json',
	default: '{}',
	description: 'Custom fields by their Omnidesk ID, e.g. {"cf_25": "Premium"}',
};
