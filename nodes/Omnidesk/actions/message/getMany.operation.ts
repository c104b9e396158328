import { defineOperation } from '../../../shared';
import { caseField, pagingFields, wantedCount } from '../../descriptions';
import { caseRefOf, casePath } from '../../helpers/caseRef';
import { omnideskList } from '../../transport';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many messages of a case',
	description: "List a case's messages and notes, oldest or newest first",
	properties: [
		caseField,
		...pagingFields(),
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Oldest First', value: 'asc' },
				{ name: 'Newest First', value: 'desc' },
			],
			default: 'asc',
		},
	],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		const messages = await omnideskList(context.execution, {
			path: casePath(ref, '/messages'),
			key: 'message',
			qs: { order: context.parameter('order', 'asc') },
			limit: wantedCount(context.parameter),
			itemIndex: context.itemIndex,
		});
		return messages.map((message) => ({ json: message }));
	},
});
