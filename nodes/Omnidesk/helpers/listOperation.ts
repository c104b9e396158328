import { defineOperation } from '../../shared';
import { pagingFields, wantedCount } from '../descriptions';
import { omnideskList } from '../transport';

/** A "Get Many" of a plain account list (labels, groups, staff): same fields, same paging. */
export function listOperation(options: { noun: string; path: string; key: string }) {
	return defineOperation({
		value: 'getMany',
		name: 'Get Many',
		action: `Get many ${options.noun}`,
		description: `List the account's ${options.noun}`,
		properties: pagingFields(),
		async execute(context) {
			const items = await omnideskList(context.execution, {
				path: options.path,
				key: options.key,
				limit: wantedCount(context.parameter),
				itemIndex: context.itemIndex,
			});
			return items.map((item) => ({ json: item }));
		},
	});
}
