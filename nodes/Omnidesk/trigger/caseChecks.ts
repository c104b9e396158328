import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { casePath } from '../helpers/caseRef';
import { allLabels, caseLabelIds, fetchCase } from '../helpers/directory';
import { listItems, omnideskList, omnideskRequest } from '../transport';
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

export interface NewestMessage {
	/** Why it must not start the AI (a staff reply, the bot's own reply, a note, a rule's message). */
	notFromClient?: string;
	messageId?: string;
	/** Who wrote it; 'none' when the case has no message. */
	author: 'client' | 'staff' | 'note' | 'rule' | 'none';
	/** The staff member who wrote it (author 'staff'). */
	staffId?: string;
}

/** How many of the case's latest messages are searched for the one a delivery names. */
const NAMED_MESSAGE_SEARCH = 20;

/**
 * Who wrote the message a delivery is about, as Omnidesk has it, which knows the author whatever
 * the rule body says. That is the message the body names (`last_message_id`) when it names one
 * among the case's latest messages, else the case's newest message. The named one matters: a
 * client's message whose rule webhook arrives after the bot already answered the previous one is
 * no longer the newest, and must still reach the AI.
 */
export async function newestMessage(
	context: RequestContext,
	caseId: string,
	namedMessageId?: string,
): Promise<NewestMessage> {
	const body = await omnideskRequest(context, {
		method: 'GET',
		path: casePath(caseId, '/messages'),
		qs: { order: 'desc', page: 1, limit: namedMessageId ? NAMED_MESSAGE_SEARCH : 1 },
		idempotent: true,
	});
	const latest = listItems<IDataObject>(body, 'message').items;
	const named = namedMessageId
		? latest.find((message) => String(message.message_id) === namedMessageId)
		: undefined;
	const last = named ?? latest[0];
	if (!last) return { author: 'none' };
	const which = named ? 'the message' : 'the newest message';
	const messageId = last.message_id === undefined ? undefined : String(last.message_id);
	const flagged = (value: unknown) => value === true || String(value) === '1';
	if (flagged(last.note)) return { messageId, author: 'note', notFromClient: `${which} is a note` };
	if (flagged(last.sent_via_rule))
		return { messageId, author: 'rule', notFromClient: `${which} was sent by a rule` };
	const staffId = String(last.staff_id ?? '0');
	if (staffId !== '0' && staffId !== '')
		return {
			messageId,
			author: 'staff',
			staffId,
			notFromClient: `staff member ${staffId} wrote ${which}`,
		};
	return { messageId, author: 'client' };
}

/**
 * The staff member the credential logs in as (by its staff email), or undefined when the
 * account lists nobody with that email. Messages a workflow adds through the API come from them.
 */
export async function credentialStaffId(
	context: RequestContext,
	staffEmail: string,
): Promise<string | undefined> {
	const staff = await omnideskList<{ staff_id?: unknown; staff_email?: unknown }>(context, {
		path: '/staff.json',
		key: 'staff',
	});
	const wanted = staffEmail.trim().toLowerCase();
	const member = staff.find(
		(candidate) =>
			String(candidate.staff_email ?? '')
				.trim()
				.toLowerCase() === wanted,
	);
	return member?.staff_id === undefined ? undefined : String(member.staff_id);
}
