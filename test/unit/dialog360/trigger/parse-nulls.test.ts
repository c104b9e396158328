import { parseDelivery } from '../../../../nodes/Dialog360/trigger/parse';
import { buildTextWebhook } from '../../../fakes/dialog360';

describe('360dialog parseDelivery: lists sent as null', () => {
	it('reads a list sent as null as absent, and still takes the rest of the delivery', () => {
		const body = JSON.parse(JSON.stringify(buildTextWebhook('hi'))) as {
			entry: Array<{ changes: Array<{ value: Record<string, unknown> }> }>;
		};
		Object.assign(body.entry[0].changes[0].value, { statuses: null, errors: null });
		const result = parseDelivery(body);
		expect(result.ok && result.entries.map((entry) => entry.kind)).toEqual(['message']);
	});
});
