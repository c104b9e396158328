import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { pageOf, type CrmEntity } from '../../helpers/crm';
import { BULK_LIMIT, wazzupRequest } from '../../transport';

/** GET /v3/<entity>?offset=…: pages of up to 100 until the limit or the end. */
export function getManyOperation(entity: CrmEntity) {
	return defineOperation({
		value: 'getMany',
		name: 'Get Many',
		action: `Get many ${entity.singular}s`,
		properties: [
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
		],
		async execute(context: WazzupOperationContext) {
			const returnAll = context.parameter<boolean>('returnAll', false);
			const limit = returnAll ? Infinity : context.parameter<number>('limit', 50);
			const found: IDataObject[] = [];
			for (let offset = 0; found.length < limit; ) {
				const answer = await wazzupRequest<unknown>(context.execution, {
					method: 'GET',
					path: `/${entity.path}`,
					qs: { offset },
					idempotent: true,
					itemIndex: context.itemIndex,
				});
				const page = pageOf(answer);
				found.push(...page.entries);
				offset += page.entries.length;
				// A short page, a plain array (unpaged answer) or the reported count ends the list.
				const unpaged = Array.isArray(answer);
				if (
					unpaged ||
					page.entries.length < BULK_LIMIT ||
					(page.count !== undefined && offset >= page.count)
				)
					break;
			}
			const entries = found.slice(0, limit);
			return { json: { [entity.path]: entries, count: entries.length } };
		},
	});
}
