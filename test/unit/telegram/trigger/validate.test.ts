import fc from 'fast-check';

import { toConversationEvent, updateSchema } from '../../../../nodes/TelegramBot/trigger/parse';
import { updateProblem } from '../../../../nodes/TelegramBot/trigger/validate';
import {
	callbackQueryUpdate,
	channelPostUpdate,
	privateTextUpdate,
} from '../../../fakes/telegram-updates';
import { BOT_ID, fixture } from '../fixtures';

const FIXTURES = [
	'filetreck-message-photo-media-group',
	'filetreck-message-text-plain',
	'filetreck-message-video-forwarded',
	'teloxide-my-chat-member-private-kicked',
	'teloxide-private-text-digit',
	'teloxide-private-text-link-preview',
	'teloxide-supergroup-command-report-reply',
	'teloxide-supergroup-pinned-message',
	'teloxide-supergroup-story-message',
];

/** A valid private text update with one field of its message replaced. */
const withMessage = (patch: Record<string, unknown>) => {
	const update = privateTextUpdate('hi', { updateId: 10 });
	return { ...update, message: { ...(update.message as object), ...patch } };
};

describe('what counts as a Telegram update', () => {
	it.each(FIXTURES)('accepts the real update %s', (name) => {
		expect(updateProblem(fixture(name))).toBeUndefined();
	});

	it('accepts what the fake Bot API sends: messages, channel posts, callback queries (also without a message)', () => {
		for (const update of [
			privateTextUpdate('hi'),
			channelPostUpdate('news'),
			callbackQueryUpdate(),
			callbackQueryUpdate({ withMessage: false }),
		]) {
			// The fake numbers updates when they are queued; these were not.
			expect(updateProblem({ ...update, update_id: 5 })).toBeUndefined();
		}
	});

	// The classes of body that started runs with an empty conversation key, or crashed n8n.
	it.each([
		['message as a string', { update_id: 1, message: 'hello' }, 'message must be an object'],
		['message as a number', { update_id: 1, message: 42 }, 'message must be an object'],
		['message as an array', { update_id: 1, message: [1] }, 'message must be an object'],
		['message as true', { update_id: 1, message: true }, 'message must be an object'],
		['an empty message', { update_id: 1, message: {} }, 'message.message_id'],
		['an empty callback_query', { update_id: 1, callback_query: {} }, 'callback_query.id'],
		['an empty my_chat_member', { update_id: 1, my_chat_member: {} }, 'my_chat_member.chat'],
		['chat.id "abc"', withMessage({ chat: { id: 'abc', type: 'private' } }), 'message.chat.id'],
		['chat.id 1.5', withMessage({ chat: { id: 1.5, type: 'private' } }), 'message.chat.id'],
		['chat.id {}', withMessage({ chat: { id: {}, type: 'private' } }), 'message.chat.id'],
		['chat.id "@ab"', withMessage({ chat: { id: '@ab', type: 'private' } }), 'message.chat.id'],
		['chat.id of 300 digits', withMessage({ chat: { id: Number('9'.repeat(300)) } }), 'chat.id'],
		['chat.id beyond 52 bits', withMessage({ chat: { id: 2 ** 53, type: 'private' } }), 'chat.id'],
		['date 1e20', withMessage({ date: 1e20 }), 'message.date'],
		['date 8640000000001', withMessage({ date: 8640000000001 }), 'message.date'],
		['edit_date 1e20', withMessage({ edit_date: 1e20 }), 'message.edit_date'],
		['a negative date', withMessage({ date: -5 }), 'message.date'],
		['an unknown key that is not an object', { update_id: 1, foo: 'bar' }, 'foo must be an object'],
		['a prototype key', { update_id: 1, constructor: {} }, '"constructor" is not an update type'],
		['a 1 MB key', { update_id: 1, ['k'.repeat(1_000_000)]: {} }, 'is not an update type'],
		['a key with capitals', { update_id: 1, Message: {} }, '"Message" is not an update type'],
		['two update objects', { ...withMessage({}), edited_message: {} }, 'exactly one'],
		['no update object', { update_id: 1 }, 'no update object'],
		['update_id 1.5', { ...privateTextUpdate('a'), update_id: 1.5 }, 'update_id'],
		['update_id -1', { ...privateTextUpdate('a'), update_id: -1 }, 'update_id'],
	])('refuses %s, naming the field', (_label, body, expected) => {
		const problem = updateProblem(body as Record<string, unknown>);
		expect(problem).toContain(expected);
		expect(updateSchema.safeParse(body).success).toBe(false);
	});

	it('passes an update type newer than this code through with its own name and no conversation key', () => {
		const update = { update_id: 7, paid_star_gift: { id: 'g1', from: { id: 5 } } };
		const parsed = updateSchema.parse(update);
		const event = toConversationEvent(parsed, BOT_ID);
		expect(event.event).toBe('paidStarGift');
		expect(event.updateType).toBe('paid_star_gift');
		expect(event.conversation.key).toBe('');
	});

	it('an accepted update always converts without throwing, and a known chat always has its key', () => {
		const anything = fc.anything({ maxDepth: 3, withNullPrototype: false });
		const chat = fc.record({
			id: fc.oneof(fc.integer(), fc.double(), fc.string(), anything),
			type: fc.oneof(fc.constantFrom('private', 'group', 'supergroup', 'channel'), anything),
		});
		const message = fc.record(
			{
				message_id: fc.oneof(fc.nat(), fc.integer(), anything),
				date: fc.oneof(fc.nat(), fc.double(), fc.constant(1e20), anything),
				edit_date: fc.oneof(fc.nat(), fc.constant(8640000000001), anything),
				chat: fc.oneof(chat, anything),
				from: fc.oneof(fc.record({ id: fc.oneof(fc.nat(), anything) }), anything),
				text: fc.oneof(fc.string(), anything),
			},
			{ requiredKeys: [] },
		);
		const update = fc.record({
			update_id: fc.oneof(fc.nat(), fc.string(), anything),
			message: fc.oneof(message, anything),
		});
		fc.assert(
			fc.property(update, (body) => {
				const parsed = updateSchema.safeParse(body);
				if (!parsed.success) return;
				const event = toConversationEvent(parsed.data, BOT_ID);
				expect(event.conversation.key).toMatch(new RegExp(`^telegram:${BOT_ID}:-?\\d+$`));
				if (event.message.date !== undefined)
					expect(Date.parse(String(event.message.date))).not.toBeNaN();
			}),
			{ numRuns: 2000 },
		);
	});
});
