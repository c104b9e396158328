import type { IDataObject } from 'n8n-workflow';

import { InputError, defineOperation, textParameter } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import type { CrmEntity } from '../../helpers/crm';
import { wazzupRequest } from '../../transport';

const label = (entity: CrmEntity) =>
	`${entity.singular[0].toUpperCase()}${entity.singular.slice(1)}`;

/** GET /v3/<entity>/<id>. */
export function getOperation(entity: CrmEntity) {
	return defineOperation({
		value: 'get',
		name: 'Get',
		action: `Get a ${entity.singular}`,
		properties: [
			{
				displayName: `${label(entity)} ID`,
				name: 'id',
				type: 'string',
				required: true,
				default: '',
				description: `Your CRM's ID of the ${entity.singular}`,
			},
		],
		async execute(context: WazzupOperationContext) {
			const id = textParameter(context.parameter('id')).trim();
			if (!id) throw new InputError(`${label(entity)} ID is empty.`);
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
		properties: [
			{
				displayName: `${label(entity)} ID`,
				name: 'id',
				type: 'string',
				required: true,
				default: '',
				description: `Your CRM's ID of the ${entity.singular}`,
			},
		],
		async execute(context: WazzupOperationContext) {
			const id = textParameter(context.parameter('id')).trim();
			if (!id) throw new InputError(`${label(entity)} ID is empty.`);
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
