import type { IDataObject } from 'n8n-workflow';

import { caseLabelIds } from './directory';

/** What a handoff wants the case to look like; undefined = leave that part alone. */
export interface HandoverTarget {
	botLabelId?: number;
	groupId?: number;
	staffId?: number;
}

export interface HandoverPlan {
	/** The fields to PUT; empty when the case already is as wanted. */
	fields: IDataObject;
	/** Human-readable list of what changes, for the output. */
	changes: string[];
}

/**
 * The difference between the case as Omnidesk has it now and the handoff's target. Idempotency
 * comes from here: a case that already lacks the bot label and already sits in the wanted group
 * and with the wanted staff member gets an empty plan, whichever process asks and how often.
 */
export function planHandover(kase: IDataObject, target: HandoverTarget): HandoverPlan {
	const fields: IDataObject = {};
	const changes: string[] = [];
	const labels = caseLabelIds(kase);
	if (target.botLabelId !== undefined && labels.includes(target.botLabelId)) {
		// Omnidesk documents only "labels" (the whole set), so the rest of the set is written back.
		fields.labels = labels.filter((id) => id !== target.botLabelId);
		changes.push(`removed label ${target.botLabelId}`);
	}
	if (target.groupId !== undefined && Number(kase.group_id) !== target.groupId) {
		fields.group_id = target.groupId;
		changes.push(`group ${String(kase.group_id ?? 0)} → ${target.groupId}`);
	}
	if (target.staffId !== undefined && Number(kase.staff_id) !== target.staffId) {
		fields.staff_id = target.staffId;
		changes.push(`staff ${String(kase.staff_id ?? 0)} → ${target.staffId}`);
	}
	return { fields, changes };
}
