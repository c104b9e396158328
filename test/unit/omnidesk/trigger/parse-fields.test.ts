import type { IDataObject } from 'n8n-workflow';

import { parseRuleBody } from '../../../../nodes/Omnidesk/trigger/parse';

const delivery = (body: IDataObject) => {
	const result = parseRuleBody(body);
	if (!result.ok) throw new Error(result.problem);
	return result.delivery as unknown as {
		labels?: string[];
		contact: IDataObject;
		caseInfo: IDataObject;
	};
};

describe('Omnidesk parseRuleBody: the case and contact fields', () => {
	it('fills the case and the contact from the rule placeholders, trimmed', () => {
		const parsed = delivery({
			case_id: '2001',
			last_message: 'Hi',
			case_number: '123-456',
			case_subject: 'S',
			case_priority: 'high',
			case_group: 'G',
			staff_id: '22',
			case_url: 'https://x',
			user_lang: 'ru',
			labels: ' 1, 2 ,,3',
			user_id: ' 77 ',
			user_full_name: 'Ivan',
			user_email: 'i@x',
			user_phone: ' +79001112233 ',
		});
		expect(parsed.contact).toEqual({ id: '77', name: 'Ivan', email: 'i@x', phone: '+79001112233' });
		expect(parsed.caseInfo).toEqual({
			id: '2001',
			number: '123-456',
			subject: 'S',
			priority: 'high',
			group: 'G',
			staffId: '22',
			url: 'https://x',
			language: 'ru',
			labels: ['1', '2', '3'],
		});
	});

	it('leaves out what is empty or an unfilled placeholder, keys included', () => {
		const parsed = delivery({
			case_id: '2001',
			last_message: 'Hi',
			case_subject: '  ',
			user_id: '[user_id]',
			user_phone: '[user_phone]',
			labels: '[case_tags]',
		});
		expect(Object.keys(parsed.contact)).toEqual([]);
		expect(Object.keys(parsed.caseInfo)).toEqual(['id']);
		expect(parsed.labels).toBeUndefined();
		expect(delivery({ case_id: '2001', last_message: 'Hi' }).labels).toBeUndefined();
	});

	it('reads labels sent as a list of numbers, and keeps a placeholder-like label among others', () => {
		expect(delivery({ case_id: '1', last_message: 'Hi', labels: [101, ' 102 '] }).labels).toEqual([
			'101',
			'102',
		]);
		expect(delivery({ case_id: '1', last_message: 'Hi', labels: '[vip], 7' }).labels).toEqual([
			'[vip]',
			'7',
		]);
	});

	it('shows a bad case id whole up to 40 characters, and cut after that', () => {
		const problemOf = (caseId: string) => {
			const result = parseRuleBody({ case_id: caseId, last_message: 'Hi' });
			return result.ok ? '' : result.problem;
		};
		const forty = 'x'.repeat(40);
		expect(problemOf(forty)).toContain(`"${forty}"`);
		expect(problemOf(`${forty}y`)).toContain(`"${forty}…"`);
	});
});
