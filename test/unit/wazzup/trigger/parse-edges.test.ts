import type { IDataObject } from 'n8n-workflow';

import { isoDateTime, parseDelivery } from '../../../../nodes/Wazzup/trigger/parse';
import { buildWazzupMessage, buildWazzupStatus } from '../../../fakes/wazzup';

const delivered = (body: Record<string, unknown>) => {
	const result = parseDelivery(body as IDataObject);
	if (!result.ok) throw new Error(result.problem);
	return result.delivery;
};

describe('Wazzup parseDelivery: parts and what it refuses', () => {
	it('takes a part sent as a single object as a list of one', () => {
		expect(delivered({ messages: buildWazzupMessage() }).messages).toHaveLength(1);
	});

	it('counts nothing refused for parts sent as null', () => {
		const delivery = delivered({
			messages: null,
			statuses: [buildWazzupStatus()],
			createContact: null,
		});
		expect(delivery.rejected).toBe(0);
		expect(delivery.statuses).toHaveLength(1);
		expect(delivery.createContact).toBeUndefined();
	});

	it.each([
		['a list', [{ id: 'c-1' }]],
		['text', 'c-1'],
	])('refuses a creation request that is %s, and counts it', (_label, value) => {
		const delivery = delivered({ createContact: value });
		expect(delivery.createContact).toBeUndefined();
		expect(delivery.rejected).toBe(1);
	});

	it('counts each entry it refuses, and only those', () => {
		const delivery = delivered({ messages: [buildWazzupMessage(), 'junk', 42] });
		expect(delivery.messages).toHaveLength(1);
		expect(delivery.rejected).toBe(2);
	});
});

describe('Wazzup isoDateTime', () => {
	it.each<[string, unknown, string | undefined]>([
		['seconds', 1_764_547_200, '2025-12-01T00:00:00.000Z'],
		['milliseconds', 1_764_547_200_000, '2025-12-01T00:00:00.000Z'],
		['exactly 1e12 (milliseconds)', 1e12, '2001-09-09T01:46:40.000Z'],
		['no zone (UTC)', '2025-12-01T03:00:00.000', '2025-12-01T03:00:00.000Z'],
		['a space for the T', '2025-12-01 03:00:00', '2025-12-01T03:00:00.000Z'],
		['a leading space and no zone', ' 2025-12-01T03:00:00', '2025-12-01T03:00:00.000Z'],
		['a +hh:mm zone', '2025-12-01T03:00:00+03:00', '2025-12-01T00:00:00.000Z'],
		['a +hhmm zone', '2025-12-01T03:00:00+0300', '2025-12-01T00:00:00.000Z'],
		['a -hh:mm zone', '2025-12-01T03:00:00-01:30', '2025-12-01T04:30:00.000Z'],
		['Z', '2025-12-01T03:00:00Z', '2025-12-01T03:00:00.000Z'],
		['blank text', '   ', undefined],
		['garbage', 'yesterday', undefined],
		['infinity', Infinity, undefined],
	])('reads %s', (_label, value, expected) => {
		expect(isoDateTime(value)).toBe(expected);
	});
});
