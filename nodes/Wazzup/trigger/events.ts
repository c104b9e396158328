import type { INodePropertyOptions } from 'n8n-workflow';

import type { Subscription, Subscriptions } from '../helpers/webhooks';

/**
 * Every kind of Wazzup delivery (api-reference §3.4) as the `event` our items carry, with the
 * webhook subscription that makes Wazzup send it.
 */
export const EVENTS = {
	message: {
		name: 'Message Received',
		description: 'A client wrote: text, file, voice, location…',
		subscription: 'messagesAndStatuses',
	},
	echo: {
		name: 'Message Sent (Echo)',
		description:
			'A message sent from Wazzup, the phone, the app or the API (also by this workflow: mind reply loops)',
		subscription: 'messagesAndStatuses',
	},
	edited: {
		name: 'Message Edited',
		description: 'A message was changed',
		subscription: 'messagesAndStatuses',
	},
	deleted: {
		name: 'Message Deleted',
		description: 'A message was deleted',
		subscription: 'messagesAndStatuses',
	},
	status: {
		name: 'Status Changed',
		description: 'An outgoing message was sent, delivered, read or failed',
		subscription: 'messagesAndStatuses',
	},
	createContact: {
		name: 'Contact Creation Requested',
		description: 'Wazzup asks the CRM to create a contact',
		subscription: 'contactsAndDealsCreation',
	},
	createDeal: {
		name: 'Deal Creation Requested',
		description: 'Wazzup asks the CRM to create a deal',
		subscription: 'contactsAndDealsCreation',
	},
	channel: {
		name: 'Channel State Changed',
		description: 'A channel was connected, disconnected, needs a QR code…',
		subscription: 'channelsUpdates',
	},
	templateStatus: {
		name: 'Template Status Changed',
		description: 'A WABA template was approved or rejected',
		subscription: 'templateStatus',
	},
} satisfies Record<string, { name: string; description: string; subscription: Subscription }>;

export type WazzupEvent = keyof typeof EVENTS;

export const EVENT_OPTIONS: INodePropertyOptions[] = Object.entries(EVENTS)
	.map(([value, event]) => ({ name: event.name, value, description: event.description }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** Exactly the subscriptions the chosen events need: nothing else is switched on. */
export function subscriptionsFor(events: readonly string[]): Subscriptions {
	const wanted: Subscriptions = {
		messagesAndStatuses: false,
		contactsAndDealsCreation: false,
		channelsUpdates: false,
		templateStatus: false,
	};
	for (const event of events) {
		const known = EVENTS[event as WazzupEvent];
		if (known) wanted[known.subscription] = true;
	}
	return wanted;
}
