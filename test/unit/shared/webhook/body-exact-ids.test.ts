import type { IWebhookFunctions } from 'n8n-workflow';

import { readJsonObjectBody } from '../../../../nodes/shared';

describe('readJsonObjectBody keeps big ids exact', () => {
	it('puts back the digits n8n rounded, from the raw body it kept', () => {
		const raw = '{"message":{"chat":{"id":12345678901234567890}}}';
		const context = {
			getBodyData: () => JSON.parse(raw) as object, // what n8n parsed: the last digits are lost
			getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
		} as unknown as IWebhookFunctions;
		expect(readJsonObjectBody(context)).toEqual({
			ok: true,
			body: { message: { chat: { id: '12345678901234567890' } } },
		});
	});
});
