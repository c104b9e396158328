import { toConversationEvent } from '../../../../nodes/Dialog360/trigger/events';
import { parseDelivery, type DeliveryEntry } from '../../../../nodes/Dialog360/trigger/parse';
import { parseConversationKey } from '../../../../nodes/shared';
import { allFixtureNames, fixture } from '../fixtures';

function eventsOf(name: string) {
	const parsed = parseDelivery(fixture(name));
	if (!parsed.ok) throw new Error(`${name}: ${parsed.problem}`);
	return parsed.entries.map((entry: DeliveryEntry) => toConversationEvent(entry, {}));
}

/** What each real body must become: event, type, text and chat per item. */
const EXPECTED: Record<string, Array<Record<string, unknown>>> = {
	'courier-document': [
		{
			event: 'message',
			type: 'document',
			text: '80skaraokesonglistartist',
			chat: '5678',
			file: 'id_document',
		},
	],
	'courier-image-with-file-path': [
		{
			event: 'message',
			type: 'image',
			text: 'Check out my new phone!',
			chat: '5678',
			file: 'id_image',
		},
	],
	'courier-interactive-button-reply': [
		{
			event: 'message',
			type: 'button_reply',
			text: 'Yes',
			chat: '5678',
			replyId: 'id_button_reply',
		},
	],
	'courier-interactive-list-reply': [
		{ event: 'message', type: 'list_reply', text: 'Yes', chat: '5678', replyId: 'id_list_reply' },
	],
	'courier-status-failed-errors': [{ event: 'status', type: 'status', text: '', chat: '5678' }],
	'courier-status-sent-int-expiration': [
		{ event: 'status', type: 'status', text: '', chat: '5678' },
	],
	'courier-template-quick-reply-button': [
		{
			event: 'message',
			type: 'template_button',
			text: 'No',
			chat: '5678',
			replyId: 'No-Button-Payload',
		},
	],
	'courier-text-bsuid-only-no-from': [
		{ event: 'message', type: 'text', text: 'Hello World', chat: 'US.1234' },
	],
	'courier-text-with-user-id': [
		{ event: 'message', type: 'text', text: 'Hello World', chat: '5678' },
	],
	'courier-text': [{ event: 'message', type: 'text', text: 'Hello World', chat: '5678' }],
	'courier-value-level-errors': [
		{
			event: 'error',
			type: 'error',
			text: 'We were unable to authenticate the app user',
			chat: '5678',
		},
	],
	'pywa-document-forwarded': [
		{
			event: 'message',
			type: 'document',
			text: 'caption',
			chat: '972987654321',
			file: '1234567890987654321',
		},
	],
	'pywa-image': [
		{ event: 'message', type: 'image', text: '', chat: '972987654321', file: '65463453' },
	],
	'pywa-interactive-button-reply': [
		{
			event: 'message',
			type: 'button_reply',
			text: 'title',
			chat: '972987654321',
			replyId: 'callback_data',
		},
	],
	'pywa-interactive-list-reply-description': [
		{
			event: 'message',
			type: 'list_reply',
			text: 'title',
			chat: '972987654321',
			replyId: 'callback_data',
		},
	],
	'pywa-interactive-list-reply': [
		{
			event: 'message',
			type: 'list_reply',
			text: 'title',
			chat: '972987654321',
			replyId: 'callback_data',
		},
	],
	'pywa-status-delivered': [{ event: 'status', type: 'status', text: '', chat: '972987654321' }],
	'pywa-status-failed': [{ event: 'status', type: 'status', text: '', chat: '972987654321' }],
	'pywa-status-read': [{ event: 'status', type: 'status', text: '', chat: '972987654321' }],
	'pywa-status-sent': [{ event: 'status', type: 'status', text: '', chat: '972987654321' }],
	'pywa-template-quick-reply-button': [
		{
			event: 'message',
			type: 'template_button',
			text: 'title',
			chat: '972987654321',
			replyId: 'callback_data',
		},
	],
	'pywa-text': [{ event: 'message', type: 'text', text: 'Body Text', chat: '972987654321' }],
	'onpremise/courier-legacy-button-null-payload': [
		{
			event: 'message',
			type: 'template_button',
			text: 'BUTTON1',
			chat: '250788123123',
			replyId: 'BUTTON1',
		},
	],
	'onpremise/courier-legacy-document': [
		{ event: 'message', type: 'document', text: 'the caption', chat: '250788123123', file: '41' },
	],
	'onpremise/courier-legacy-image': [
		{ event: 'message', type: 'image', text: 'the caption', chat: '250788123123', file: '41' },
	],
	'onpremise/courier-legacy-interactive-button-reply': [
		{ event: 'message', type: 'button_reply', text: 'BUTTON1', chat: '250788123123', replyId: '0' },
	],
	'onpremise/courier-legacy-interactive-list-reply': [
		{ event: 'message', type: 'list_reply', text: 'ROW1', chat: '250788123123', replyId: '0' },
	],
	'onpremise/courier-legacy-status-sent': [{ event: 'status', type: 'status', text: '', chat: '' }],
	'onpremise/courier-legacy-text-with-contacts': [
		{ event: 'message', type: 'text', text: 'hello world', chat: '250788123123' },
	],
	'onpremise/courier-legacy-two-messages-same-id': [
		{ event: 'message', type: 'text', text: 'hello world', chat: '250788123123' },
		{ event: 'message', type: 'text', text: 'hello world', chat: '250788123123' },
	],
};

describe('360dialog webhook parser on every real body (Cloud API and On-Premise)', () => {
	it('has an expectation for every fixture file', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(allFixtureNames().sort());
	});

	it.each(allFixtureNames())('%s becomes the expected items', (name) => {
		const events = eventsOf(name);
		expect(
			events.map((event) => {
				const file = event.message.attachments[0]?.id;
				const replyId = event.message.replyId;
				return {
					event: event.event,
					type: event.message.type,
					text: event.message.text,
					chat: event.conversation.chatId,
					...(file ? { file } : {}),
					...(replyId !== undefined ? { replyId } : {}),
				};
			}),
		).toEqual(EXPECTED[name]);
		for (const event of events) {
			// Every key that names a chat round-trips; phone number id from metadata or 'default'.
			if (event.conversation.key) {
				const route = parseConversationKey(event.conversation.key);
				expect(route).toMatchObject({ channel: '360dialog', waId: event.conversation.chatId });
				expect(route).toMatchObject({
					phoneNumberId:
						'entry' in fixture(name) ? expect.not.stringMatching(/^default$/) : 'default',
				});
			}
		}
	});

	it('reads string timestamps and an integer expiration_timestamp alike', () => {
		const [text] = eventsOf('pywa-text');
		expect(text.message).toMatchObject({
			timestamp: '1697043223',
			date: '2023-10-11T16:53:43.000Z',
		});
		const [sent] = eventsOf('courier-status-sent-int-expiration');
		expect(sent.status).toMatchObject({ status: 'sent', recipientId: '5678' });
	});

	it('keys a user with no phone (BSUID only) by the BSUID, with the contact name', () => {
		const [event] = eventsOf('courier-text-bsuid-only-no-from');
		expect(event.conversation.key).toBe('360dialog:1234567890:US.1234');
		expect(event.contact).toMatchObject({ id: 'US.1234', name: 'Kerry Fisher', userId: 'US.1234' });
		expect(event.contact.phone).toBeUndefined();
	});

	it('reports failed statuses with their errors and details', () => {
		const [failed] = eventsOf('pywa-status-failed');
		expect(failed.status).toMatchObject({
			status: 'failed',
			errors: [{ code: '130472', title: "User's number is part of an experiment" }],
		});
		const [courier] = eventsOf('courier-status-failed-errors');
		expect((courier.status as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
	});

	it('gives the contact name, the cloud metadata and the file for the AI', () => {
		const [event] = eventsOf('courier-document');
		expect(event.contact).toMatchObject({ name: 'Kerry Fisher', phone: '5678' });
		expect(event.conversation).toMatchObject({
			phoneNumberId: '1234567890',
			wabaId: '8856996819413533',
		});
		expect(event.message.attachments[0]).toMatchObject({
			kind: 'document',
			id: 'id_document',
			mimeType: 'application/pdf',
		});
		const [legacy] = eventsOf('onpremise/courier-legacy-image');
		expect(legacy.message.attachments[0]).toMatchObject({
			kind: 'image',
			id: '41',
			url: 'https://example.org/v1/media/41',
		});
	});

	it('refuses bodies that are not 360dialog webhooks, naming why', () => {
		expect(parseDelivery({ hello: 'world' })).toMatchObject({ ok: false });
		expect(parseDelivery({ entry: 'nope' })).toMatchObject({
			ok: false,
			problem: expect.stringContaining('entry'),
		});
		expect(parseDelivery({ messages: [{ id: {} }] })).toMatchObject({ ok: false });
	});

	it('reads constructed edge cases: location, contacts, reaction, unsupported', () => {
		const body = {
			messages: [
				{
					from: '1',
					id: 'a',
					type: 'location',
					location: { latitude: 52.5, longitude: 13.4, name: 'Shop' },
				},
				{
					from: '1',
					id: 'b',
					type: 'contacts',
					contacts: [{ name: { formatted_name: 'Ann' }, phones: [{ phone: '+49 1' }] }],
				},
				{ from: '1', id: 'c', type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
				{
					from: '1',
					id: 'd',
					type: 'unsupported',
					errors: [{ code: 131051, title: 'Unsupported' }],
				},
			],
		};
		const parsed = parseDelivery(body);
		if (!parsed.ok) throw new Error(parsed.problem);
		const events = parsed.entries.map((entry) => toConversationEvent(entry, {}));
		expect(events.map((e) => [e.event, e.message.type, e.message.text])).toEqual([
			['message', 'location', 'location:52.5,13.4 Shop'],
			['message', 'contacts', 'contact: Ann +49 1'],
			['reaction', 'reaction', '👍'],
			['message', 'unsupported', ''],
		]);
		expect(events[2].message.reactedToId).toBe('wamid.X');
		expect(events[3].message.errors).toEqual([{ code: '131051', title: 'Unsupported' }]);
	});
});
