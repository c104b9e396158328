import { defineOperation } from '../../../shared';
import type { Dialog360OperationContext } from '../../helpers/send';
import { readWebhookConfig } from '../../helpers/webhookConfig';

export const getWebhook = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get the webhook URL',
	description: "The URL (and header names) 360dialog delivers this number's events to",
	properties: [],
	async execute(context: Dialog360OperationContext) {
		const config = await readWebhookConfig(context.execution);
		// Header values are secrets of whoever set them: only their names are shown.
		return { json: { url: config.url, headerNames: Object.keys(config.headers ?? {}) } };
	},
});
