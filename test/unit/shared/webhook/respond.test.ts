import type { IWebhookFunctions } from 'n8n-workflow';

import { acceptDelivery, acknowledgeWebhook, rejectWebhook } from '../../../../nodes/shared';
import { RecordingResponse } from '../../../helpers/webhook-io';

function contextAnsweringWith(response: RecordingResponse): IWebhookFunctions {
	return { getResponseObject: () => response } as unknown as IWebhookFunctions;
}

describe('webhook answers', () => {
	it('rejects with the given status and message, and tells n8n it answered itself', () => {
		const response = new RecordingResponse();
		const result = rejectWebhook(contextAnsweringWith(response), 403, 'Wrong secret');
		expect(response.statusCode).toBe(403);
		expect(response.body).toEqual({ ok: false, error: 'Wrong secret' });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('acknowledges with 200 and { ok: true } by default, starting no run', () => {
		const response = new RecordingResponse();
		const result = acknowledgeWebhook(contextAnsweringWith(response));
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ ok: true });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('acknowledges with the body it is given', () => {
		const response = new RecordingResponse();
		response.statusCode = 500;
		acknowledgeWebhook(contextAnsweringWith(response), { ok: true, skipped: 'duplicate' });
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ ok: true, skipped: 'duplicate' });
	});

	it('accepts a delivery: answers 200 {"ok":true} itself and hands n8n the run', () => {
		const response = new RecordingResponse();
		response.statusCode = 500;
		const workflowData = [[{ json: { event: 'message' } }]];
		const result = acceptDelivery(contextAnsweringWith(response), workflowData);
		// n8n's own answer would be the text `firstEntryJson`; the provider gets JSON.
		expect([response.statusCode, response.body, response.ended]).toEqual([200, { ok: true }, true]);
		expect(result).toEqual({ noWebhookResponse: true, workflowData });
	});

	it('accepts a delivery with the answer it is given', () => {
		const response = new RecordingResponse();
		acceptDelivery(contextAnsweringWith(response), [[{ json: {} }]], { ok: true, id: 7 });
		expect(response.body).toEqual({ ok: true, id: 7 });
	});
});
