import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

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

/** What every accepted delivery is answered, unless its provider needs something else. */
export const ACCEPTED_ANSWER: IDataObject = { ok: true };

/**
 * Starts a run with `workflowData` and answers the delivery ourselves, at once. Left to n8n, a
 * trigger with `responseMode: onReceived` answers the literal text `firstEntryJson` (its default
 * response data), which is no provider's format.
 */
export function acceptDelivery(
	context: IWebhookFunctions,
	workflowData: INodeExecutionData[][],
	answer: IDataObject = ACCEPTED_ANSWER,
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(200).json(answer);
	return { noWebhookResponse: true, workflowData };
}
