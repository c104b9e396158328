import { InputError, defineOperation, textParameter } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { writeWebhookSettings, type Subscriptions } from '../../helpers/webhooks';

/** PATCH /v3/webhooks by hand; the Wazzup Trigger does this itself on activation. */
export const setWebhook = defineOperation({
	value: 'set',
	name: 'Set',
	action: 'Set the webhook settings',
	description:
		'Point Wazzup at a URL. It replaces any other address: one webhook per account. The URL must answer 200 at once.',
	properties: [
		{
			displayName: 'Webhook URL',
			name: 'webhooksUri',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…',
			description: 'At most 200 characters; Wazzup checks it with a {"test": true} POST',
		},
		{
			displayName: 'Messages and Statuses',
			name: 'messagesAndStatuses',
			type: 'boolean',
			default: true,
			description: 'Whether to receive messages, echoes, edits and delivery statuses',
		},
		{
			displayName: 'Contact and Deal Creation',
			name: 'contactsAndDealsCreation',
			type: 'boolean',
			default: false,
			description: 'Whether to receive requests to create a contact or a deal',
		},
		{
			displayName: 'Channel Updates',
			name: 'channelsUpdates',
			type: 'boolean',
			default: false,
			description: 'Whether to receive channel state changes',
		},
		{
			displayName: 'Template Status',
			name: 'templateStatus',
			type: 'boolean',
			default: false,
			description: 'Whether to receive WABA template moderation results',
		},
	],
	async execute(context: WazzupOperationContext) {
		const webhooksUri = textParameter(context.parameter('webhooksUri')).trim();
		if (!/^https?:\/\//i.test(webhooksUri) || webhooksUri.length > 200) {
			throw new InputError(
				`Webhook URL "${webhooksUri}" is not an http(s) URL of at most 200 characters.`,
				"Copy the Wazzup Trigger's production URL.",
			);
		}
		const subscriptions: Subscriptions = {
			messagesAndStatuses: context.parameter<boolean>('messagesAndStatuses', true) === true,
			contactsAndDealsCreation:
				context.parameter<boolean>('contactsAndDealsCreation', false) === true,
			channelsUpdates: context.parameter<boolean>('channelsUpdates', false) === true,
			templateStatus: context.parameter<boolean>('templateStatus', false) === true,
		};
		await writeWebhookSettings(
			context.execution,
			{ webhooksUri, subscriptions },
			context.itemIndex,
		);
		return { json: { ok: true, webhooksUri, subscriptions } };
	},
});
