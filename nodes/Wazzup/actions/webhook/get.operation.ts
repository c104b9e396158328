import { defineOperation } from '../../../shared';
import type { WazzupOperationContext } from '../../helpers/context';
import { readWebhookSettings } from '../../helpers/webhooks';

export const getWebhook = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get the webhook settings',
	description: "The account's webhook URL and which deliveries are switched on",
	properties: [],
	async execute(context: WazzupOperationContext) {
		const settings = await readWebhookSettings(context.execution);
		return { json: { ...settings } };
	},
});
