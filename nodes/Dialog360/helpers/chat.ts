import { resolveChannelTarget } from '../../shared';

/** A WhatsApp user typed by hand: the phone number in international format, '+' optional. */
const PHONE = /^\+?\d{5,20}$/;

/**
 * The recipient of a send: the wa_id (phone without '+') from a 360dialog conversation key, or a
 * phone number typed by hand. The key's phone-number part is not checked against the credential:
 * a 360dialog key serves one number and the API does not say which without another call.
 */
export function resolveRecipient(value: unknown): string {
	const target = resolveChannelTarget(value, {
		channel: '360dialog',
		label: '360dialog',
		plainId: PHONE,
		plainIdName: 'phone number',
		emptyFix:
			'map "conversation.key" from a 360dialog trigger, or enter the phone number in international format (e.g. 4917612345678).',
	});
	return target.kind === 'plain' ? target.id.replace(/^\+/, '') : target.route.waId;
}
