import { buildAiWebhook } from '../../../fakes/selarti';
import {
	classify,
	conversationOf,
	eventItem,
	messageEventOf,
} from '../../../../nodes/AiTask/trigger/classify';
import {
	AI_TASK_EVENTS,
	configuredOutputs,
	DEFAULT_EVENTS,
} from '../../../../nodes/AiTask/trigger/events';
import { RecentMap } from '../../../../nodes/shared';
import { parseSelartiWebhook, type SelartiWebhook } from '../../../../nodes/AiTask/trigger/parse';

function parse(fields: Record<string, unknown>): SelartiWebhook {
	const parsed = parseSelartiWebhook(buildAiWebhook(fields));
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.body;
}

describe('AI Task Trigger: classification', () => {
	it.each([
		['bot', true, 'reply'],
		['operator', false, 'operatorMessage'],
		['user', false, 'userMessage'],
		['BOT', true, 'reply'],
		['assistant', true, 'reply'],
		['something_new', true, 'reply'],
		['something_new', false, 'userMessage'],
		[undefined, true, 'reply'],
		[undefined, false, 'userMessage'],
	])('message_type %s with is_bot %s is %s', (type, isBot, expected) => {
		expect(messageEventOf(parse({ message_type: type, is_bot: isBot }))).toBe(expected);
	});

	it('emits no message event for a delivery without text', () => {
		expect(messageEventOf(parse({ message_text: '  ' }))).toBeUndefined();
	});

	it('reports handoff when the operator flag turns on, once per dialog', () => {
		const memory = new RecentMap<string>(100, 60_000);
		const thread = 'thread-1';
		expect(classify(parse({ thread_id: thread, operator: false }), 's', memory)).toEqual(['reply']);
		expect(
			classify(
				parse({ thread_id: thread, operator: 'true', message_type: 'operator', is_bot: false }),
				's',
				memory,
			),
		).toEqual(['operatorMessage', 'handoff']);
		expect(
			classify(
				parse({ thread_id: thread, operator: 1, message_type: 'operator', is_bot: false }),
				's',
				memory,
			),
		).toEqual(['operatorMessage']);
		// Back to the AI, then another handoff: reported again.
		classify(parse({ thread_id: thread, operator: false }), 's', memory);
		expect(
			classify(parse({ thread_id: thread, operator: 'yes', message_text: '' }), 's', memory),
		).toEqual(['handoff']);
	});

	it('keeps the AI reply when the same delivery closes the dialog, reply first', () => {
		const memory = new RecentMap<string>(100, 60_000);
		expect(
			classify(parse({ close: 'true', message_text: 'Thank you, goodbye!' }), 's', memory),
		).toEqual(['reply', 'closed']);
	});

	it('reports captured contacts from get_contact or a non-empty contacts field', () => {
		const memory = new RecentMap<string>(100, 60_000);
		expect(classify(parse({ thread_id: 'a', get_contact: 1 }), 's', memory)).toEqual([
			'reply',
			'contactCaptured',
		]);
		expect(classify(parse({ thread_id: 'b', contacts: '+79990001122' }), 's', memory)).toEqual([
			'reply',
			'contactCaptured',
		]);
		expect(classify(parse({ thread_id: 'b', contacts: '+79990001122' }), 's', memory)).toEqual([
			'reply',
		]);
		expect(
			classify(
				parse({ thread_id: 'b', contacts: { phone: '+79990001122', email: 'a@b.c' } }),
				's',
				memory,
			),
		).toEqual(['reply', 'contactCaptured']);
		expect(classify(parse({ thread_id: 'c', contacts: '' }), 's', memory)).toEqual(['reply']);
	});

	it('orders several events of one delivery: message, handoff, contact, closed', () => {
		const memory = new RecentMap<string>(100, 60_000);
		expect(
			classify(parse({ operator: true, get_contact: true, close: true }), 's', memory),
		).toEqual(['reply', 'handoff', 'contactCaptured', 'closed']);
	});

	it('remembers dialogs per scope (workflow and node)', () => {
		const memory = new RecentMap<string>(100, 60_000);
		expect(classify(parse({ thread_id: 't', close: true }), 'wf1|n1', memory)).toContain('closed');
		expect(classify(parse({ thread_id: 't', close: true }), 'wf2|n1', memory)).toContain('closed');
	});
});

describe('AI Task Trigger: conversation from external_chat_id', () => {
	it('parses a channel key', () => {
		expect(conversationOf('telegram:123456789:987654321')).toEqual({
			key: 'telegram:123456789:987654321',
			channel: 'telegram',
			chatId: '987654321',
			botId: '123456789',
		});
		expect(conversationOf('wazzup:ch-1:whatsapp:79990001122')).toMatchObject({
			channel: 'wazzup',
			chatType: 'whatsapp',
		});
	});

	it.each([['user-42'], ['viber:1:2'], ['telegram:abc:1'], [undefined]])(
		'keeps an unparseable id %s as channel unknown',
		(raw) => {
			const conversation = conversationOf(raw);
			expect(conversation.channel).toBe('unknown');
			expect(conversation.key).toBe(raw ?? '');
			expect(conversation.chatId).toBe(raw ?? '');
			expect(String(conversation.error)).toMatch(/conversation key/i);
		},
	);

	it('builds items with the event, conversation and message first, then every field', () => {
		const item = eventItem(
			'reply',
			parse({ message_id: 5, external_chat_id: 'omnidesk:777', extra: 'kept' }),
		);
		expect(Object.keys(item).slice(0, 3)).toEqual(['event', 'conversation', 'message']);
		expect(item).toMatchObject({
			event: 'reply',
			conversation: { channel: 'omnidesk', caseId: '777', key: 'omnidesk:777' },
			message: { id: '5', text: 'Hello! How can I help you?', type: 'bot' },
			is_bot: true,
			interest: false,
			success: false,
			extra: 'kept',
		});
	});
});

describe('AI Task Trigger: outputs', () => {
	it('has one unnamed output unless separate outputs are on', () => {
		expect(configuredOutputs({})).toEqual([{ type: 'main' }]);
		expect(configuredOutputs({ separateOutputs: false })).toEqual([{ type: 'main' }]);
	});

	it('names the separate outputs after the events, in their order', () => {
		expect(
			configuredOutputs({ separateOutputs: true }).map(
				(o) => (o as { displayName?: string }).displayName,
			),
		).toEqual(AI_TASK_EVENTS.map((e) => e.name));
	});

	it('is self-contained, as n8n evaluates its source text in an expression', () => {
		const rebuilt = new Function(
			`return (${configuredOutputs.toString()})`,
		)() as typeof configuredOutputs;
		expect(rebuilt({ separateOutputs: true })).toHaveLength(6);
	});

	it('leaves user messages out of the default events', () => {
		expect(DEFAULT_EVENTS).not.toContain('userMessage');
		expect(DEFAULT_EVENTS).toHaveLength(5);
	});
});
