import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { deriveWebhookToken } from '../../shared';
import { dialog360Account } from '../transport';

/** The header 360dialog sends back on every delivery (it stores the headers set with the URL). */
export const SECRET_HEADER = 'X-Omnichannel-Webhook-Secret';

/** The header name and value a delivery must carry; an empty value means "accept all" (manual). */
export interface ExpectedSecret {
	header: string;
	value: string;
}

function manual(context: IHookFunctions | IWebhookFunctions): boolean {
	return context.getNodeParameter('registration', 'automatic') === 'manual';
}

/** The header that carries the secret: read from the fields, no credential needed. */
export function secretHeaderName(context: IHookFunctions | IWebhookFunctions): string {
	return manual(context)
		? String(context.getNodeParameter('manualHeaderName', '') || 'X-Webhook-Secret')
		: SECRET_HEADER;
}

/** Manual registration with no header value: every delivery is accepted (the user chose so). */
export function acceptsAnyDelivery(context: IHookFunctions | IWebhookFunctions): boolean {
	return manual(context) && String(context.getNodeParameter('manualHeaderValue', '') ?? '') === '';
}

/** Derived from the API key and the workflow/node, so every n8n process computes the same value. */
export async function expectedSecret(
	context: IHookFunctions | IWebhookFunctions,
): Promise<ExpectedSecret> {
	if (manual(context)) {
		return {
			header: secretHeaderName(context),
			value: String(context.getNodeParameter('manualHeaderValue', '') ?? ''),
		};
	}
	const { apiKey } = await dialog360Account(context);
	return {
		header: SECRET_HEADER,
		value: deriveWebhookToken(apiKey, context.getWorkflow().id ?? '', context.getNode().id),
	};
}

/** A header value as sent (n8n lower-cases header names). */
export function receivedHeader(headers: IDataObject, name: string): unknown {
	return headers[name.toLowerCase()];
}
