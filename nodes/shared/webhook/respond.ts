import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Answers the HTTP request ourselves and starts no execution: for a wrong secret (403) or a body
 * we cannot use (400). The message goes to the caller only; nothing secret is in it.
 */
export function rejectWebhook(
	context: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(status).json({ ok: false, error: message });
	return { noWebhookResponse: true };
}

/** Accepts a delivery but starts no execution (filtered event, echo, duplicate, provider ping). */
export function acknowledgeWebhook(
	context: IWebhookFunctions,
	body: IDataObject = { ok: true },
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(200).json(body);
	return { noWebhookResponse: true };
}
