import { buildDeliveryItems, ConversationKeyError, isoDate } from '../../../../nodes/shared';

describe('buildDeliveryItems', () => {
	it('passes the items through', async () => {
		expect(await buildDeliveryItems(() => [1, 2])).toEqual({ ok: true, items: [1, 2] });
		expect(await buildDeliveryItems(async () => await Promise.resolve('a'))).toEqual({
			ok: true,
			items: 'a',
		});
	});

	it('turns ids that make no conversation key into a problem to answer 400 with', async () => {
		const result = await buildDeliveryItems(() => {
			throw new ConversationKeyError('Conversation key is 300 characters long');
		});
		expect(result).toEqual({
			ok: false,
			problem:
				"The delivery's ids do not make a conversation key: Conversation key is 300 characters long",
		});
	});

	it('passes any other error on unchanged', async () => {
		const failure = new TypeError('a bug');
		await expect(
			buildDeliveryItems(() => {
				throw failure;
			}),
		).rejects.toBe(failure);
	});
});

describe('isoDate', () => {
	it('writes a time as ISO text', () => {
		expect(isoDate(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(isoDate(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
	});

	it.each([8.64e15 + 1, 1e20 * 1000, Infinity, NaN, -Infinity])(
		'leaves out %p, which no Date can hold, instead of throwing',
		(value) => {
			expect(isoDate(value)).toBeUndefined();
		},
	);
});
