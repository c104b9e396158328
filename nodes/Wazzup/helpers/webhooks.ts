import type { IDataObject } from 'n8n-workflow';

import { wazzupRequest, type WazzupContext } from '../transport';

/** The four subscription switches of PATCH /v3/webhooks (api-reference §3.4). */
export type Subscription =
	| 'messagesAndStatuses'
	| 'contactsAndDealsCreation'
	| 'channelsUpdates'
	| 'templateStatus';

export const SUBSCRIPTIONS: readonly Subscription[] = [
	'messagesAndStatuses',
	'contactsAndDealsCreation',
	'channelsUpdates',
	'templateStatus',
];

export type Subscriptions = Record<Subscription, boolean>;

export interface WebhookSettings {
	webhooksUri: string;
	subscriptions: Subscriptions;
}

function flag(value: unknown): boolean {
	return value === true || value === 'true' || value === 1;
}

/**
 * GET /v3/webhooks. Wazzup reports the template switch as "wabaTemplatesStatus" there while
 * PATCH takes "templateStatus" (§3.4): both read as templateStatus.
 */
export async function readWebhookSettings(context: WazzupContext): Promise<WebhookSettings> {
	const answer =
		(await wazzupRequest<IDataObject | undefined>(context, {
			method: 'GET',
			path: '/webhooks',
			idempotent: true,
		})) ?? {};
	const raw = (answer.subscriptions ?? {}) as IDataObject;
	return {
		webhooksUri: typeof answer.webhooksUri === 'string' ? answer.webhooksUri : '',
		subscriptions: {
			messagesAndStatuses: flag(raw.messagesAndStatuses),
			contactsAndDealsCreation: flag(raw.contactsAndDealsCreation),
			channelsUpdates: flag(raw.channelsUpdates),
			templateStatus: flag(raw.templateStatus ?? raw.wabaTemplatesStatus),
		},
	};
}

/**
 * PATCH /v3/webhooks. Wazzup first POSTs {"test": true} to the URL and fails unless it answers
 * 200 (§3.4). Setting the same state twice changes nothing, so it may be retried.
 */
export async function writeWebhookSettings(
	context: WazzupContext,
	settings: WebhookSettings,
	itemIndex?: number,
): Promise<void> {
	await wazzupRequest(context, {
		method: 'PATCH',
		path: '/webhooks',
		body: { webhooksUri: settings.webhooksUri, subscriptions: { ...settings.subscriptions } },
		idempotent: true,
		itemIndex,
	});
}

export function noSubscriptions(): Subscriptions {
	return {
		messagesAndStatuses: false,
		contactsAndDealsCreation: false,
		channelsUpdates: false,
		templateStatus: false,
	};
}
