import { parseSelartiWebhook } from '../../../../nodes/AiTask/trigger/parse';

const IDENTIFYING = [
	'external_chat_id',
	'thread_id',
	'task_id',
	'message_id',
	'message_text',
	'message_type',
	'wh_type',
];
const NOT_SELARTI = `Not a Selarti "All messages" webhook: none of the fields ${IDENTIFYING.join(', ')} is present.`;

describe('AI Task Trigger: what counts as a Selarti delivery', () => {
	it.each(IDENTIFYING)('accepts a body that has only %s', (field) => {
		expect(parseSelartiWebhook({ [field]: '1' }).ok).toBe(true);
	});

	it.each([
		['an empty body', {}],
		['only other fields', { hello: 'world', channel_id: 5 }],
		['identifying fields that are null', Object.fromEntries(IDENTIFYING.map((f) => [f, null]))],
		[
			'identifying fields that are undefined',
			Object.fromEntries(IDENTIFYING.map((f) => [f, undefined])),
		],
	])('refuses %s, listing the fields it looked for', (_label, body) => {
		expect(parseSelartiWebhook(body)).toEqual({ ok: false, problem: NOT_SELARTI });
	});

	it('counts an identifying field that is empty or zero as present', () => {
		expect(parseSelartiWebhook({ message_text: '' }).ok).toBe(true);
		expect(parseSelartiWebhook({ task_id: 0 }).ok).toBe(true);
	});

	it('names the field in a body it cannot read', () => {
		const parsed = parseSelartiWebhook({ message_id: '1', close: 'perhaps' });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.problem).toMatch(/^Invalid Selarti webhook body: .*close/);
	});

	it.each([
		'task_id',
		'external_chat_id',
		'thread_id',
		'channel_id',
		'company_id',
		'manager_id',
		'message_id',
	])('reads %s as an id string', (field) => {
		const parsed = parseSelartiWebhook({ message_text: 'x', [field]: 12 });
		expect(parsed.ok && parsed.body[field]).toBe('12');
	});

	it.each(['is_bot', 'operator', 'close', 'success', 'interest', 'get_contact'])(
		'reads %s as a flag',
		(field) => {
			const on = parseSelartiWebhook({ message_text: 'x', [field]: 'yes' });
			const off = parseSelartiWebhook({ message_text: 'x' });
			expect(on.ok && on.body[field]).toBe(true);
			expect(off.ok && off.body[field]).toBe(false);
		},
	);

	it.each(['wh_type', 'message_type', 'title', 'panel_url', 'share_url'])(
		'reads %s as text and refuses an object there',
		(field) => {
			const parsed = parseSelartiWebhook({ message_text: 'x', [field]: 'v' });
			expect(parsed.ok && parsed.body[field]).toBe('v');
			const bad = parseSelartiWebhook({ message_text: 'x', [field]: { a: 1 } });
			expect(bad.ok).toBe(false);
			if (!bad.ok) expect(bad.problem).toContain(field);
		},
	);

	it('keeps contacts whatever their shape', () => {
		const contacts = [{ phone: '+1' }];
		const parsed = parseSelartiWebhook({ message_text: 'x', contacts });
		expect(parsed.ok && parsed.body.contacts).toEqual(contacts);
	});
});
