import { defineOperation, InputError, jsonObjectParameter, textParameter } from '../../../shared';
import type { Dialog360OperationContext } from '../../helpers/send';
import { writeWebhookConfig } from '../../helpers/webhookConfig';

export const setWebhook = defineOperation({
	value: 'set',
	name: 'Set',
	action: 'Set the webhook URL',
	description: "Replaces where 360dialog delivers this number's events (one URL per number)",
	properties: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…',
			description:
				'A public HTTPS URL. The Cloud API refuses "_" in the host name and an explicit port.',
		},
		{
			displayName: 'Headers',
			name: 'headers',
			type: 'json',
			default: '{}',
			description: 'Headers 360dialog sends with every delivery, e.g. a shared secret',
		},
	],
	async execute(context: Dialog360OperationContext) {
		const url = textParameter(context.parameter('url')).trim();
		if (!/^https?:\/\//i.test(url))
			throw new InputError(`"URL" must be an http(s) URL, got "${url}".`);
		const headers = jsonObjectParameter(context.parameter('headers', '{}'), 'Headers');
		const stringHeaders = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name, String(value)]),
		);
		const config = await writeWebhookConfig(context.execution, { url, headers: stringHeaders });
		return { json: { ok: true, url: config.url, headerNames: Object.keys(stringHeaders) } };
	},
});
