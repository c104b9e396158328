import { defineOperation } from '../../../shared';
import { caseField } from '../../descriptions';
import { caseRefOf } from '../../helpers/caseRef';
import { fetchCase } from '../../helpers/directory';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a case',
	description: 'Get a case by its ID, its number (664-245651) or a conversation key',
	properties: [caseField],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		return { json: await fetchCase(context.execution, ref, context.itemIndex) };
	},
});
