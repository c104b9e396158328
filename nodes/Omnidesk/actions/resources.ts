import { defineResource, type ActionName } from '../../shared';
import { create } from './case/create.operation';
import { get } from './case/get.operation';
import { getMany as getManyCases } from './case/getMany.operation';
import { handOver } from './case/handOver.operation';
import { update } from './case/update.operation';
import { getMany as getManyGroups } from './group/getMany.operation';
import { search } from './knowledgeBase/search.operation';
import { getMany as getManyLabels } from './label/getMany.operation';
import { add as addMessage } from './message/add.operation';
import { getMany as getManyMessages } from './message/getMany.operation';
import { add as addNote } from './note/add.operation';
import { getMany as getManyStaff } from './staff/getMany.operation';

/**
 * Everything the Omnidesk node does: the only list of its resources and operations. The first
 * operation of a resource is its default, which saved workflows rely on: keep it first.
 */
export const OMNIDESK_RESOURCES = [
	defineResource({
		value: 'message',
		name: 'Message',
		operations: [addMessage, getManyMessages],
	}),
	defineResource({
		value: 'case',
		name: 'Case',
		operations: [handOver, get, getManyCases, create, update],
	}),
	defineResource({
		value: 'note',
		name: 'Note',
		description: 'Internal notes only staff see',
		operations: [addNote],
	}),
	defineResource({ value: 'label', name: 'Label', operations: [getManyLabels] }),
	defineResource({ value: 'group', name: 'Group', operations: [getManyGroups] }),
	defineResource({ value: 'staff', name: 'Staff', operations: [getManyStaff] }),
	defineResource({
		value: 'knowledgeBase',
		name: 'Knowledge Base',
		operations: [search],
	}),
] as const;

export type OmnideskAction = ActionName<typeof OMNIDESK_RESOURCES>;
