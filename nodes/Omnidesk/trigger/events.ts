/** What an Omnidesk rule delivery is about; the rule body's "event" says it (trigger/parse.ts). */
export const OMNIDESK_EVENTS = [
	{
		name: 'New Case',
		value: 'newCase',
		description: 'A client opened a case (rule on incoming cases)',
	},
	{
		name: 'New Message',
		value: 'newMessage',
		description: 'A client wrote in an existing case (rule on changed cases)',
	},
	{
		name: 'Staff Reply',
		value: 'staffReply',
		description:
			"An operator replied in a case (rule on changed cases, 'staff replied'): for a desk whose clients are reached on another channel",
	},
] as const;

export type OmnideskEvent = (typeof OMNIDESK_EVENTS)[number]['value'];

export const DEFAULT_EVENTS: OmnideskEvent[] = ['newCase', 'newMessage'];

const EVENT_NAMES: Record<string, OmnideskEvent> = {
	new_case: 'newCase',
	newcase: 'newCase',
	case_created: 'newCase',
	new_message: 'newMessage',
	newmessage: 'newMessage',
	message: 'newMessage',
	message_new: 'newMessage',
	case_updated: 'newMessage',
	staff_reply: 'staffReply',
	staffreply: 'staffReply',
	staff_message: 'staffReply',
	operator_reply: 'staffReply',
};

/** The event a body names, or undefined when it names none we know. */
export function eventNamed(value: string | undefined): OmnideskEvent | undefined {
	if (!value) return undefined;
	return EVENT_NAMES[value.trim().toLowerCase()];
}
