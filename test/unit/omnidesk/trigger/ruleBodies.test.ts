import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseRuleBody } from '../../../../nodes/Omnidesk/trigger/parse';
import { triggerProperties } from '../../../../nodes/Omnidesk/trigger/description';
import {
	NEW_CASE_RULE_BODY,
	NEW_MESSAGE_RULE_BODY,
} from '../../../../nodes/Omnidesk/trigger/ruleBodies';

/** What Omnidesk would send for a rule body: every [placeholder] filled in. */
function filled(body: string, values: Record<string, string>): unknown {
	return JSON.parse(body.replace(/\[([a-z_]+)\]/g, (_whole, name: string) => values[name] ?? ''));
}

describe('the rule bodies to paste into Omnidesk', () => {
	const values = {
		case_id: '2001',
		case_number: '664-245652',
		case_status: 'открытое',
		case_description: 'Need a refund',
		last_message: 'Where is my order?',
		last_message_id: '300001',
		last_staff_id: '0',
		user_id: '456',
		user_full_name: 'Ivan',
	};

	it('are valid JSON that the trigger reads as a new case and a new client message', () => {
		const newCase = parseRuleBody(filled(NEW_CASE_RULE_BODY, values));
		expect(newCase).toMatchObject({
			ok: true,
			delivery: { event: 'newCase', caseId: '2001', text: 'Need a refund', status: 'open' },
		});
		const newMessage = parseRuleBody(filled(NEW_MESSAGE_RULE_BODY, values));
		expect(newMessage).toMatchObject({
			ok: true,
			delivery: {
				event: 'newMessage',
				text: 'Where is my order?',
				messageId: '300001',
				author: 'unknown',
			},
		});
	});

	it('are shown in the trigger notice and in the template sticky note, unchanged', () => {
		const notice = String(triggerProperties.find((p) => p.name === 'setupNotice')?.displayName);
		expect(notice).toContain(NEW_CASE_RULE_BODY);
		expect(notice).toContain(NEW_MESSAGE_RULE_BODY);
		const template = readFileSync(
			path.resolve(__dirname, '../../../../workflows/omnidesk-ai-assistant.json'),
			'utf8',
		);
		const notes = (
			JSON.parse(template) as { nodes: Array<{ type: string; parameters: { content?: string } }> }
		).nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => node.parameters.content ?? '')
			.join('\n');
		expect(notes).toContain(NEW_CASE_RULE_BODY);
		expect(notes).toContain(NEW_MESSAGE_RULE_BODY);
	});
});
