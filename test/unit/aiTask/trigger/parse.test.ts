import { buildAiWebhook } from '../../../fakes/selarti';
import { parseSelartiWebhook } from '../../../../nodes/AiTask/trigger/parse';

describe('AI Task Trigger: webhook body schema', () => {
	it.each([
		['real booleans', { booleans: 'boolean' as const }],
		['"true"/"false" strings', { booleans: 'string' as const }],
		['"yes"/"no"', { booleans: 'yesno' as const }],
		['1/0 numbers', { booleans: 'number' as const }],
	])('coerces %s to booleans', (_label, quirks) => {
		const body = buildAiWebhook({}, quirks);
		const parsed = parseSelartiWebhook(body);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.body.is_bot).toBe(true);
		for (const flag of ['operator', 'close', 'success', 'interest', 'get_contact'] as const)
			expect(parsed.body[flag]).toBe(false);
	});

	it('turns numeric ids into strings and keeps string ids', () => {
		const numeric = parseSelartiWebhook(
			buildAiWebhook({ message_id: 901234, task_id: 77 }, { ids: 'number' }),
		);
		const strings = parseSelartiWebhook(buildAiWebhook({}, { ids: 'string' }));
		expect(numeric.ok && numeric.body.message_id).toBe('901234');
		expect(numeric.ok && numeric.body.task_id).toBe('77');
		expect(numeric.ok && numeric.body.channel_id).toBe('4101');
		expect(strings.ok && strings.body.company_id).toBe('2077');
	});

	it('passes unknown fields through and treats missing flags as false', () => {
		const parsed = parseSelartiWebhook({
			external_chat_id: 'telegram:1:2',
			message_text: 'Hi',
			message_type: 'bot',
			brand_new_field: { nested: [1, 2] },
			lead_score: 42,
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.body.brand_new_field).toEqual({ nested: [1, 2] });
		expect(parsed.body.lead_score).toBe(42);
		expect(parsed.body.close).toBe(false);
		expect(parsed.body.operator).toBe(false);
	});

	it('accepts nulls where Bubble sends empty values', () => {
		const parsed = parseSelartiWebhook(
			buildAiWebhook({ manager_id: null, title: null, message_text: null, contacts: null }),
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.body.manager_id).toBeUndefined();
		expect(parsed.body.message_text).toBe('');
	});

	it('names the field of a value it cannot read', () => {
		const parsed = parseSelartiWebhook(
			buildAiWebhook({ is_bot: 'maybe', message_text: { html: '<b>x</b>' } }),
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.problem).toMatch(/is_bot/);
		expect(parsed.problem).toMatch(/message_text/);
	});

	it('refuses a body that has none of the Selarti fields', () => {
		const parsed = parseSelartiWebhook({ hello: 'world' });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toMatch(/Not a Selarti/);
	});
});
