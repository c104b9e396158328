import type { RequestContext } from '../../shared';
import { credentialStaffId, newestMessage } from './caseChecks';
import type { RuleDelivery } from './parse';

export interface StaffReplyCheck {
	/** Why the delivery starts nothing. */
	ignored?: string;
	staffId?: string;
	messageId?: string;
}

/** Why the body alone rules a Staff Reply delivery out (a note, a rule's message, the client). */
export function staffReplyRefusedByBody(delivery: RuleDelivery): string | undefined {
	if (delivery.author === 'note' || delivery.author === 'rule' || delivery.author === 'visitor')
		return `not a staff reply: ${delivery.authorReason ?? 'the client wrote the message'}`;
	return undefined;
}

/**
 * A Staff Reply is an operator's answer for the client. Omnidesk is asked who wrote the case's
 * newest message (unless switched off), and a reply written with the trigger's own credential is
 * refused: that is where a workflow's mirrored AI answers come from, and sending them back to the
 * client would repeat every AI answer.
 */
export async function checkStaffReply(
	context: RequestContext,
	delivery: RuleDelivery,
	options: { checkLastMessage: boolean; staffEmail: string },
): Promise<StaffReplyCheck> {
	let staffId = delivery.staffId;
	let messageId: string | undefined;
	if (options.checkLastMessage) {
		const newest = await newestMessage(context, delivery.caseId);
		if (newest.author !== 'staff')
			return { ignored: `the newest message in the case is not a staff reply (${newest.author})` };
		staffId = newest.staffId;
		messageId = newest.messageId;
	}
	if (!staffId)
		return { ignored: 'the body names no staff member: keep "last_staff_id" in the rule body' };
	const own = options.staffEmail ? await credentialStaffId(context, options.staffEmail) : undefined;
	if (own === staffId)
		return {
			ignored: `staff member ${staffId} is the credential's own user, whose messages the workflow wrote itself`,
		};
	return { staffId, messageId };
}
