import { InputError, resolveChannelTarget } from '../../shared';

/** A case id (2000) or a case number as Omnidesk shows it (664-245651); paths take either. */
const CASE_REF = /^(?:\d+|\d+-\d+)$/;

/**
 * The case a field names: a conversation key (omnidesk:<caseId>, what the Omnidesk trigger and
 * the AI Task Trigger carry), a case id or a case number. A key of another channel is refused.
 */
export function caseRefOf(value: unknown): string {
	const target = resolveChannelTarget(value, {
		channel: 'omnidesk',
		label: 'Omnidesk',
		plainId: CASE_REF,
		plainIdName: 'case ID or case number (664-245651)',
		emptyFix:
			'map conversation.key from the Omnidesk trigger or the AI Task Trigger, or type a case ID or number.',
	});
	const ref = target.kind === 'plain' ? target.id : target.route.caseId;
	if (!CASE_REF.test(ref)) {
		throw new InputError(
			`Case "${ref}" is neither a case ID nor a case number.`,
			'A case ID is a number (2000); a case number looks like 664-245651.',
		);
	}
	return ref;
}

/** The path of a case, for either kind of reference. */
export function casePath(ref: string, suffix = ''): string {
	return `/cases/${encodeURIComponent(ref)}${suffix}.json`;
}
