import { restoreExactIds } from '../../../../nodes/shared/schema/exactIds';

/** What n8n hands a webhook: the body it parsed (digits beyond 2^53 rounded) and the raw text. */
function delivered(raw: string): { body: Record<string, unknown>; raw: string } {
	return { body: JSON.parse(raw) as Record<string, unknown>, raw };
}

const BIG = '12345678901234567890';
// Rounds to the same double as BIG: telling them apart needs the raw digits.
const NEIGHBOUR = '12345678901234567891';

describe('restoreExactIds (ids sent as JSON numbers beyond 2^53)', () => {
	it('puts back the digits of id fields at any depth, as strings', () => {
		const { body, raw } = delivered(
			`{"message_id": ${BIG}, "case": {"case_id":-${BIG}}, "items": [{"id": 7}, {"id": ${NEIGHBOUR}}], "chatId": ${BIG}}`,
		);
		expect(String(body.message_id)).toBe('12345678901234567000'); // what n8n's parse leaves
		restoreExactIds(body, () => raw);
		expect(body).toEqual({
			message_id: BIG,
			case: { case_id: `-${BIG}` },
			items: [{ id: 7 }, { id: NEIGHBOUR }],
			chatId: BIG,
		});
	});

	it('leaves safe ids, other big numbers and text alone', () => {
		const { body, raw } = delivered(
			`{"message_id": 9007199254740991, "amount": ${BIG}, "idea": ${BIG}, "text": "id ${BIG}"}`,
		);
		const before = structuredClone(body);
		restoreExactIds(body, () => raw);
		expect(body).toEqual(before);
		expect(typeof body.message_id).toBe('number');
	});

	it('does not take digits from inside a string, even one that spells the field', () => {
		const { body, raw } = delivered(
			`{"text": "message_id: ${NEIGHBOUR}, \\"message_id\\": ${NEIGHBOUR}", "message_id": ${BIG}}`,
		);
		restoreExactIds(body, () => raw);
		expect(body.message_id).toBe(BIG);
	});

	it('leaves the number as parsed when the digits are not certain (two spellings, or no raw body)', () => {
		const twice = delivered(`{"a": {"id": ${BIG}}, "b": {"id": ${NEIGHBOUR}}}`);
		restoreExactIds(twice.body, () => twice.raw);
		expect(typeof (twice.body.a as { id: unknown }).id).toBe('number');

		const noRaw = delivered(`{"id": ${BIG}}`);
		restoreExactIds(noRaw.body, () => undefined);
		expect(typeof noRaw.body.id).toBe('number');
	});

	it('reads the raw body only when a rounded id exists', () => {
		const readRaw = jest.fn(() => '{"id": 1}');
		restoreExactIds({ id: 1, nested: { message_id: 2 } }, readRaw);
		expect(readRaw).not.toHaveBeenCalled();
	});
});
