import { defineOperation } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { batches, entitiesOf, type CrmEntity } from '../../helpers/crm';
import { wazzupRequest } from '../../transport';

/** POST /v3/<entity>: creates or updates by id, 100 per request. */
export function upsertOperation(entity: CrmEntity) {
	return defineOperation({
		value: 'upsert',
		name: 'Create or Update',
		action: `Create or update ${entity.singular}s`,
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		properties: [
			{
				displayName: `${entity.singular[0].toUpperCase()}${entity.singular.slice(1)}s (JSON)`,
				name: 'entities',
				type: 'json',
				required: true,
				default: '[\n  {\n    "id": ""\n  }\n]',
				placeholder: entity.example,
				description: `One ${entity.singular} object or an array of them, each with your CRM's ID. Sent in batches of 100.`,
			},
		],
		async execute(context: WazzupOperationContext) {
			const entities = entitiesOf(context.parameter('entities'), entity);
			for (const batch of batches(entities)) {
				await wazzupRequest(context.execution, {
					method: 'POST',
					path: `/${entity.path}`,
					body: batch,
					// Writing the same entities again leaves them as they are.
					idempotent: true,
					itemIndex: context.itemIndex,
				});
			}
			return { json: { ok: true, count: entities.length, ids: entities.map((e) => String(e.id)) } };
		},
	});
}
