import { conversationInfo, type ConversationEvent } from '../../shared';
import type { RuleDelivery } from './parse';

/** The shared conversation event (docs/architecture.md) for one rule delivery. */
export function toConversationEvent(
	delivery: RuleDelivery,
	raw: Record<string, unknown>,
): ConversationEvent {
	return {
		event: delivery.event,
		conversation: conversationInfo({ channel: 'omnidesk', caseId: delivery.caseId }),
		message: {
			id: delivery.messageId ?? '',
			text: delivery.text,
			type: 'text',
			...(delivery.html ? { html: delivery.html } : {}),
			// Only a Staff Reply says who wrote it; a client message has no staff member.
			...(delivery.event === 'staffReply' && delivery.staffId ? { staffId: delivery.staffId } : {}),
			attachments: [],
		},
		contact: delivery.contact,
		case: delivery.caseInfo,
		raw: raw as ConversationEvent['raw'],
	};
}
