import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError, defineOperation, textParameter } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import type { CrmEntity } from '../../helpers/crm';
import { wazzupRequest } from '../../transport';

const label = (entity: CrmEntity) =>
	`${entity.singular[0].toUpperCase()}${entity.singular.slice(1)}`;

/** The one field both operations take: your CRM's id of the entity. */
const idProperty = (entity: CrmEntity): INodeProperties => ({
	displayName: `${label(entity)} ID`,
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	description: `Your CRM's ID of the ${entity.singular}`,
});

function idOf(context: WazzupOperationContext, entity: CrmEntity): string {
	const id = textParameter(context.parameter('id')).trim();
	if (!id) throw new InputError(`${label(entity)} ID is empty.`);
	return id;
}

/** GET /v3/<entity>/<id>. */
export function getOperation(entity: CrmEntity) {
	return defineOperation({
		value: 'get',
		name: 'Get',
		action: `Get a ${entity.singular}`,
		properties: [idProperty(entity)],
		async execute(context: WazzupOperationContext) {
			const id = idOf(context, entity);
			const answer = await wazzupRequest<IDataObject>(context.execution, {
				method: 'GET',
				path: `/${entity.path}/${encodeURIComponent(id)}`,
				idempotent: true,
				itemIndex: context.itemIndex,
			});
			return { json: answer ?? {} };
		},
	});
}

/** DELETE /v3/<entity>/<id>. */
export function deleteOperation(entity: CrmEntity) {
	return defineOperation({
		value: 'delete',
		name: 'Delete',
		action: `Delete a ${entity.singular}`,
		properties: [idProperty(entity)],
		async execute(context: WazzupOperationContext) {
			const id = idOf(context, entity);
			await wazzupRequest(context.execution, {
				method: 'DELETE',
				path: `/${entity.path}/${encodeURIComponent(id)}`,
				idempotent: true,
				itemIndex: context.itemIndex,
			});
			return { json: { ok: true, id, deleted: true } };
		},
	});
}
