import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { omnideskList } from '../transport';
import { allLabels } from './directory';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The dropdowns of the Omnidesk nodes: labels, groups and staff of the account. */
export const omnideskLoadOptions = {
	async getLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const labels = await allLabels(this);
		return labels
			.map((label) => ({ name: label.label_title, value: String(label.label_id) }))
			.sort(byName);
	},

	async getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const groups = await omnideskList<{ group_id: number; group_title?: string; active?: boolean }>(
			this,
			{ path: '/groups.json', key: 'group' },
		);
		return groups
			.filter((group) => group.active !== false)
			.map((group) => ({
				name: group.group_title ?? String(group.group_id),
				value: String(group.group_id),
			}))
			.sort(byName);
	},

	async getStaff(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const staff = await omnideskList<{
			staff_id: number;
			staff_full_name?: string;
			staff_email?: string;
			active?: boolean;
		}>(this, { path: '/staff.json', key: 'staff' });
		return staff
			.filter((member) => member.active !== false)
			.map((member) => ({
				name: member.staff_full_name || member.staff_email || String(member.staff_id),
				value: String(member.staff_id),
				description: member.staff_email,
			}))
			.sort(byName);
	},
};
