import { parseRuleBody, type RuleDelivery } from '../../../../nodes/Omnidesk/trigger/parse';
import { buildAdminJsonWebhook, buildRulesWebhook, defaultCases } from '../../../fakes/omnidesk';
import { fixture } from '../setup';

function delivery(body: unknown): RuleDelivery {
	const parsed = parseRuleBody(body);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.delivery;
}

const [fullCase, minimalCase] = defaultCases();

describe('parseRuleBody', () => {
	it('reads the seed chat-bot body (numbers) as a client message', () => {
		const body = {
			event: 'new_message',
			message: { kind: 'visitor', text: 'Where is my order?' },
			visitor: {
				id: '456',
				fields: { email: 'ivan@example.com', id: '456', name: 'Ivan', phone: '+79990001122' },
			},
			chat_id: 2001,
		};
		expect(delivery(body)).toMatchObject({
			event: 'newMessage',
			caseId: '2001',
			text: 'Where is my order?',
			author: 'visitor',
			contact: { id: '456', name: 'Ivan', email: 'ivan@example.com', phone: '+79990001122' },
		});
	});

	it('reads the flat placeholder body: string ids, HTML last_message, localized status', () => {
		const message = fixture<{ '0': { message: never } }>('sdk-api-get-case-messages-response')['0']
			.message;
		const body = buildRulesWebhook({ kase: fullCase, message, user: { full_name: 'Иван' } });
		const read = delivery({
			...body,
			last_message: '<p>Тестовый ответ<br>пользователя &amp; ещё</p>',
		});
		expect(read).toMatchObject({
			event: 'newMessage',
			caseId: '2000',
			caseNumber: '664-245651',
			messageId: '2000',
			text: 'Тестовый ответ\nпользователя & ещё',
			html: '<p>Тестовый ответ<br>пользователя &amp; ещё</p>',
			author: 'unknown',
			status: 'closed',
			statusLabel: 'закрытое',
			labels: ['101', '102', '103', '104', '105'],
			contact: { id: '123', name: 'Иван', email: 'ivan@example.com' },
		});
		expect(read.caseInfo).toMatchObject({ id: '2000', number: '664-245651', priority: 'Обычный' });
	});

	it.each([
		['открытое', 'open'],
		['Ожидающее', 'waiting'],
		['open', 'open'],
		['something new', undefined],
	])('maps the status "%s" to %s', (label, status) => {
		expect(delivery({ case_id: '1', case_status: label, last_message: 'x' }).status).toBe(status);
	});

	it('marks staff, rule, note and bot messages so that the loop guard drops them', () => {
		const staffReply = buildRulesWebhook({
			kase: minimalCase,
			message: { staff_id: 33, content: 'Operator answer' } as never,
		});
		expect(delivery(staffReply)).toMatchObject({ author: 'staff' });
		expect(delivery({ case_id: 1, last_message: 'x', sent_via_rule: '1' }).author).toBe('rule');
		expect(delivery({ chat_id: 1, message: { kind: 'bot', text: 'x' } }).author).toBe('staff');
		expect(delivery({ chat_id: 1, message: { text: 'x', note: 1 } }).author).toBe('note');
		expect(delivery({ case_id: '1', last_message: 'x', last_staff_id: '0' }).author).toBe(
			'unknown',
		);
		const adminStaff = buildAdminJsonWebhook({
			kase: minimalCase,
			message: { staff_id: 33, content: 'hi', message_id: 5 } as never,
		});
		expect(delivery(adminStaff).author).toBe('staff');
	});

	it('tells a new case from a new message and ignores unfilled placeholders', () => {
		expect(
			delivery({ case_id: '7', case_description: 'Need help', user_phone: '[user_phone]' }),
		).toMatchObject({ event: 'newCase', text: 'Need help', contact: {} });
		expect(delivery({ event: 'new_case', case_id: '7', case_description: 'Hi' }).event).toBe(
			'newCase',
		);
	});

	it.each([
		[{ last_message: 'x' }, /case_id \(or chat_id\) is missing/],
		[{ case_id: '[case_id]' }, /unfilled placeholder \[case_id\]/],
		[{ case_id: 'abc' }, /not a case ID/],
		[{ case_id: '1', message: 'not an object' }, /message/],
		[{ case_id: { nested: true } }, /case_id/],
	])('refuses %j', (body, problem) => {
		const parsed = parseRuleBody(body);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toMatch(problem);
	});
});

describe('parseRuleBody: custom-channel fixture', () => {
	it('reads message_new, and its staff author marks it for the loop guard', () => {
		const body = fixture('sdk-custom-channel-webhook-message-new');
		expect(delivery(body)).toMatchObject({
			event: 'newMessage',
			caseId: '985687',
			messageId: '42577887',
			text: 'Help is coming!',
			author: 'staff',
			contact: { id: '5654846848' },
		});
		const fromClient = { ...body, object: { ...(body.object as object), staff_id: 0 } };
		expect(delivery(fromClient).author).toBe('unknown');
	});
});
