import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { casePath } from '../helpers/caseRef';
import { allLabels, caseLabelIds, fetchCase } from '../helpers/directory';
import { listItems, omnideskRequest } from '../transport';
import type { RuleDelivery } from './parse';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The configured bot label as both its id and its title (either may be what a body carries). */
async function botLabelNames(context: RequestContext, botLabel: string): Promise<string[]> {
	const labels = await allLabels(context);
	const match = labels.find(
		(label) => String(label.label_id) === botLabel || same(label.label_title, botLabel),
	);
	return match ? [String(match.label_id), match.label_title] : [botLabel];
}

/**
 * Whether the case carries the bot label. The body's labels (case_tags) are used when it has
 * them, as ids or titles; otherwise the case is read from Omnidesk.
 */
export async function caseHasBotLabel(
	context: RequestContext,
	delivery: RuleDelivery,
	botLabel: string,
): Promise<boolean> {
	if (delivery.labels) {
		if (delivery.labels.some((label) => same(label, botLabel))) return true;
		const names = await botLabelNames(context, botLabel);
		return delivery.labels.some((label) => names.some((name) => same(name, label)));
	}
	const ids = caseLabelIds(await fetchCase(context, delivery.caseId));
	const names = /^\d+$/.test(botLabel) ? [botLabel] : await botLabelNames(context, botLabel);
	return ids.some((labelId) => names.includes(String(labelId)));
}

/**
 * Why the case's newest message must not start the AI (a staff reply, the bot's own reply, a
 * note, a rule's message), or undefined when a client wrote it. Read from Omnidesk, which knows
 * the author whatever the rule body says.
 */
export async function lastMessageNotFromClient(
	context: RequestContext,
	caseId: string,
): Promise<string | undefined> {
	const body = await omnideskRequest(context, {
		method: 'GET',
		path: casePath(caseId, '/messages'),
		qs: { order: 'desc', page: 1, limit: 1 },
		idempotent: true,
	});
	const [last] = listItems<IDataObject>(body, 'message').items;
	if (!last) return undefined;
	if (last.note === true || String(last.note) === '1') return 'the newest message is a note';
	if (last.sent_via_rule === true || String(last.sent_via_rule) === '1')
		return 'the newest message was sent by a rule';
	const staffId = String(last.staff_id ?? '0');
	if (staffId !== '0' && staffId !== '') return `staff member ${staffId} wrote the newest message`;
	return undefined;
}
