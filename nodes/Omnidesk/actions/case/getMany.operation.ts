import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared';
import {
	groupField,
	labelsField,
	pagingFields,
	PRIORITY_OPTIONS,
	staffField,
	STATUS_OPTIONS,
	wantedCount,
} from '../../descriptions';
import { labelIdsOf, optionalIdOf } from '../../helpers/directory';
import { omnideskList } from '../../transport';

interface CaseFilters {
	status?: string[];
	channel?: string;
	priority?: string[];
	userId?: string;
	userEmail?: string;
	userPhone?: string;
	staffId?: string;
	groupId?: string;
	labelIds?: string[];
	createdAfter?: string;
	createdBefore?: string;
	updatedAfter?: string;
	updatedBefore?: string;
}

/** Omnidesk's from_time/to_time take Unix seconds (assumed: the format is not documented). */
function unixSeconds(value: string | undefined): number | undefined {
	if (!value) return undefined;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.floor(at / 1000);
}

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many cases',
	description: 'List cases with filters, newest first, reading page after page',
	properties: [
		...pagingFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Channels',
					name: 'channel',
					type: 'string',
					default: '',
					placeholder: 'email, chat, telegram',
					description: 'Comma-separated channel codes as Omnidesk writes them in a case',
				},
				{
					displayName: 'Created After',
					name: 'createdAfter',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Created Before',
					name: 'createdBefore',
					type: 'dateTime',
					default: '',
				},
				groupField(),
				labelsField({
					description: `Cases with any of these labels. ${labelsField().description}`,
				}),
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'multiOptions',
					options: PRIORITY_OPTIONS,
					default: [],
				},
				staffField({ hint: 'Assigned staff member; 0 for unassigned cases' }),
				{
					displayName: 'Status',
					name: 'status',
					type: 'multiOptions',
					options: STATUS_OPTIONS,
					default: [],
				},
				{
					displayName: 'Updated After',
					name: 'updatedAfter',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Updated Before',
					name: 'updatedBefore',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'User Email',
					name: 'userEmail',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				{
					displayName: 'User ID',
					name: 'userId',
					type: 'string',
					default: '',
				},
				{
					displayName: 'User Phone',
					name: 'userPhone',
					type: 'string',
					default: '',
				},
			],
		},
	],
	async execute(context) {
		const filters = context.parameter<CaseFilters>('filters', {});
		const qs: IDataObject = {};
		// Lists go as repeated "name[]=" pairs (api-reference §2.3), written into the path because
		// n8n's query serializer would number them (status[0]=…).
		const repeated: string[] = [];
		for (const status of filters.status ?? [])
			repeated.push(`status[]=${encodeURIComponent(status)}`);
		if (filters.priority?.length) qs.priority = filters.priority.join(',');
		const channels = (filters.channel ?? '')
			.split(',')
			.map((channel) => channel.trim())
			.filter(Boolean);
		for (const channel of channels) repeated.push(`channel[]=${encodeURIComponent(channel)}`);
		if (filters.userEmail) qs.user_email = filters.userEmail.trim();
		if (filters.userPhone) qs.user_phone = filters.userPhone.trim();
		const userId = optionalIdOf(filters.userId, 'User ID');
		if (userId !== undefined) qs.user_id = userId;
		const staffId = optionalIdOf(filters.staffId, 'Staff Member');
		if (staffId !== undefined) qs.staff_id = staffId;
		const groupId = optionalIdOf(filters.groupId, 'Group');
		if (groupId !== undefined) qs.group_id = groupId;
		if (filters.labelIds?.length) {
			const ids = await labelIdsOf(
				context.execution,
				filters.labelIds,
				'Labels',
				context.itemIndex,
			);
			qs.labels = ids.join(',');
		}
		const dates: Array<[string, string | undefined]> = [
			['from_time', filters.createdAfter],
			['to_time', filters.createdBefore],
			['from_updated_time', filters.updatedAfter],
			['to_updated_time', filters.updatedBefore],
		];
		for (const [name, value] of dates) {
			const seconds = unixSeconds(value);
			if (seconds !== undefined) qs[name] = seconds;
		}
		const cases = await omnideskList(context.execution, {
			path: repeated.length ? `/cases.json?${repeated.join('&')}` : '/cases.json',
			key: 'case',
			qs,
			limit: wantedCount(context.parameter),
			itemIndex: context.itemIndex,
		});
		return cases.map((kase) => ({ json: kase }));
	},
});
