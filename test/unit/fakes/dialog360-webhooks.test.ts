import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	buildErrorsWebhook,
	buildInboundMessage,
	buildInteractiveReplyWebhook,
	buildMediaWebhook,
	buildMessagesWebhook,
	buildStatusWebhook,
	buildTemplateButtonWebhook,
	buildTextWebhook,
	type Dialog360SenderOptions,
} from '../../fakes/dialog360-webhooks';

/** Real bodies (test/fixtures/360dialog/README.md names their sources). */
function fixture(name: string): unknown {
	const file = path.resolve(__dirname, '../../fixtures/360dialog', `${name}.json`);
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** The sender and number of courier's Cloud fixtures. */
const COURIER: Dialog360SenderOptions = {
	wabaId: '8856996819413533',
	phoneNumberId: '1234567890',
	displayPhoneNumber: '+250 788 123 200',
	from: '5678',
	name: 'Kerry Fisher',
	messageId: 'external_id',
	timestamp: '1454119029',
};

/** The sender and number of pywa's fixtures (BSUID fields included). */
const PYWA: Dialog360SenderOptions = {
	wabaId: '1234567890987654321',
	phoneNumberId: '1122334455667',
	displayPhoneNumber: '972123456789',
	from: '972987654321',
	name: 'Test Name',
	userId: 'US.13491208655302741918',
	parentUserId: 'US.ENT.11815799212886844830',
	userIdOnMessage: false,
};

/** The legacy On-Premise sender of courier's whatsapp_legacy tests. */
const LEGACY: Dialog360SenderOptions = {
	shape: 'onpremise',
	from: '250788123123',
	messageId: '41',
	timestamp: '1454119029',
	contacts: false,
};

describe('360dialog webhook builders reproduce the real fixtures (Cloud shape)', () => {
	it('text, with a user id, and BSUID-only without `from`', () => {
		expect(buildTextWebhook('Hello World', COURIER)).toEqual(fixture('courier-text'));
		expect(
			buildTextWebhook('Hello World', { ...COURIER, userId: 'US.1234', username: '@kfisher' }),
		).toEqual(fixture('courier-text-with-user-id'));
		const bsuidOnly = buildTextWebhook('Hello World', {
			...COURIER,
			from: null,
			userId: 'US.1234',
			parentUserId: 'US.ENT.5678',
			username: 'kfisher',
		});
		expect(bsuidOnly).toEqual(fixture('courier-text-bsuid-only-no-from'));
		const pywa = buildTextWebhook('Body Text', {
			...PYWA,
			messageId: 'wamid.xyzxyz',
			timestamp: '1697043223',
		});
		expect(pywa).toEqual(fixture('pywa-text'));
	});

	it('media: image with file path and caption, document, forwarded document, bare image', () => {
		expect(
			buildMediaWebhook(
				'image',
				{
					file: '/usr/local/wamedia/shared/b1cf38-8734-4ad3-b4a1-ef0c10d0d683',
					id: 'id_image',
					mime_type: 'image/jpeg',
					sha256: '29ed500fa64eb55fc19dc4124acb300e5dcc54a0f822a301ae99944db',
					caption: 'Check out my new phone!',
				},
				COURIER,
			),
		).toEqual(fixture('courier-image-with-file-path'));
		expect(
			buildMediaWebhook(
				'document',
				{
					caption: '80skaraokesonglistartist',
					file: '/usr/local/wamedia/shared/fc233119-733f-49c-bcbd-b2f68f798e33',
					id: 'id_document',
					mime_type: 'application/pdf',
					sha256: '3b11fa6ef2bde1dd14726e09d3edaf782120919d06f6484f32d5d5caa4b8e',
				},
				COURIER,
			),
		).toEqual(fixture('courier-document'));
		const forwarded = buildMediaWebhook(
			'document',
			{
				caption: 'caption',
				filename: 'filename.pdf',
				mime_type: 'application/pdf',
				sha256: 'grwfwe/ZPx0wAbdfbdeFUNItPZ0RylL8gGUvdt3YFqc18SY=',
				id: '1234567890987654321',
			},
			{ ...PYWA, messageId: 'wamid.xyzxyz', timestamp: '1697043666', context: { forwarded: true } },
		);
		expect(forwarded).toEqual(fixture('pywa-document-forwarded'));
		const image = buildMediaWebhook(
			'image',
			{ mime_type: 'image/jpeg', sha256: '4654+8g=', id: '65463453' },
			{ ...PYWA, messageId: 'wamid.xyzxyz', timestamp: '1697043379' },
		);
		expect(image).toEqual(fixture('pywa-image'));
	});

	it('interactive button and list replies, with and without context and description', () => {
		expect(
			buildInteractiveReplyWebhook(
				'button_reply',
				{ id: 'id_button_reply', title: 'Yes' },
				COURIER,
			),
		).toEqual(fixture('courier-interactive-button-reply'));
		expect(
			buildInteractiveReplyWebhook('list_reply', { id: 'id_list_reply', title: 'Yes' }, COURIER),
		).toEqual(fixture('courier-interactive-list-reply'));
		const context = { from: '1122334455667', id: 'wamid.xyzxyz' };
		const button = buildInteractiveReplyWebhook(
			'button_reply',
			{ id: 'callback_data', title: 'title' },
			{
				...PYWA,
				context,
				messageId: 'wamid.xyzxyz',
				timestamp: '1698266730',
				wabaId: '5467539754836534',
			},
		);
		expect(button).toEqual(fixture('pywa-interactive-button-reply'));
		const listOptions = { ...PYWA, context, messageId: 'wamid.zyzxyz', timestamp: '1698266905' };
		expect(
			buildInteractiveReplyWebhook(
				'list_reply',
				{ id: 'callback_data', title: 'title' },
				listOptions,
			),
		).toEqual(fixture('pywa-interactive-list-reply'));
		expect(
			buildInteractiveReplyWebhook(
				'list_reply',
				{ id: 'callback_data', title: 'title', description: 'description' },
				listOptions,
			),
		).toEqual(fixture('pywa-interactive-list-reply-description'));
	});

	it('template quick-reply buttons', () => {
		expect(
			buildTemplateButtonWebhook(
				{ payload: 'No-Button-Payload', text: 'No' },
				{ ...COURIER, context: { from: '5678', id: 'gBGGFmkiWVVPAgkgQkwi7IORac0' } },
			),
		).toEqual(fixture('courier-template-quick-reply-button'));
		const pywa = buildTemplateButtonWebhook(
			{ payload: 'callback_data', text: 'title' },
			{
				...PYWA,
				wabaId: '5467539754836534',
				context: { from: '972123456789', id: 'wamid.xyzxyz==' },
				messageId: 'wamid.xsidjw',
				timestamp: '1698269027',
			},
		);
		expect(pywa).toEqual(fixture('pywa-template-quick-reply-button'));
	});

	it('statuses: sent/delivered/read with contacts, integer expiration, failed with errors', () => {
		const pywa = { ...PYWA, wabaId: '5467539754836534', statusId: 'wamid.xyzxyz' };
		const conversation = { id: '7270432eae37498234f4444b35ffc5', origin: { type: 'service' } };
		const pricing = { billable: true, pricing_model: 'CBP', category: 'service' };
		expect(
			buildStatusWebhook('sent', {
				...pywa,
				timestamp: '1698266945',
				conversation: { ...conversation, expiration_timestamp: '1698339900' },
				pricing,
			}),
		).toEqual(fixture('pywa-status-sent'));
		expect(
			buildStatusWebhook('delivered', { ...pywa, timestamp: '1698266945', conversation, pricing }),
		).toEqual(fixture('pywa-status-delivered'));
		expect(
			buildStatusWebhook('read', { ...pywa, timestamp: '1689380458', conversation, pricing }),
		).toEqual(fixture('pywa-status-read'));
		expect(
			buildStatusWebhook('failed', {
				...pywa,
				timestamp: '1689380458',
				errors: [
					{
						code: 130472,
						title: "User's number is part of an experiment",
						message: "User's number is part of an experiment",
						error_data: {
							details:
								"Failed to send message because this user's phone number is part of an experiment",
						},
						href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
					},
				],
			}),
		).toEqual(fixture('pywa-status-failed'));
		const courier = {
			...COURIER,
			statusId: 'external_id',
			type: 'message',
			conversation: {
				id: 'CONVERSATION_ID',
				expiration_timestamp: 1454119029,
				origin: { type: 'referral_conversion' },
			},
			pricing: { pricing_model: 'CBP', billable: false, category: 'referral_conversion' },
		};
		expect(buildStatusWebhook('sent', courier)).toEqual(
			fixture('courier-status-sent-int-expiration'),
		);
		expect(
			buildStatusWebhook('failed', {
				...courier,
				errors: [
					{
						code: 131014,
						title: 'Request for url https://URL.jpg failed with error: 404 (Not Found)',
					},
				],
			}),
		).toEqual(fixture('courier-status-failed-errors'));
	});

	it('value-level errors', () => {
		expect(buildErrorsWebhook(undefined, COURIER)).toEqual(fixture('courier-value-level-errors'));
	});

	it('defaults are realistic: string timestamp, wamid id, contacts, conversation on sent', () => {
		const text = buildTextWebhook('hi') as {
			entry: Array<{ changes: Array<{ value: Record<string, unknown[]> }> }>;
		};
		const value = text.entry[0].changes[0].value;
		const message = value.messages[0] as Record<string, unknown>;
		expect(typeof message.timestamp).toBe('string');
		expect(message.id).toMatch(/^wamid\./);
		expect(value.contacts).toHaveLength(1);
		const failed = buildStatusWebhook('failed') as typeof text;
		const status = failed.entry[0].changes[0].value.statuses[0] as Record<string, unknown>;
		expect(status.errors).toEqual([expect.objectContaining({ code: 131047 })]);
		expect(status).not.toHaveProperty('conversation');
		const sent = buildStatusWebhook('sent') as typeof text;
		expect(sent.entry[0].changes[0].value.statuses[0]).toHaveProperty(
			'conversation.expiration_timestamp',
		);
	});
});

describe('360dialog webhook builders reproduce the real fixtures (On-Premise shape)', () => {
	const legacy = (name: string) => fixture(`onpremise/courier-legacy-${name}`);

	it('text with top-level contacts, and two messages with the same id', () => {
		expect(
			buildTextWebhook('hello world', { ...LEGACY, contacts: true, name: 'Jerry Cooney' }),
		).toEqual(legacy('text-with-contacts'));
		const message = buildInboundMessage('text', { body: 'hello world' }, LEGACY);
		expect(buildMessagesWebhook([message, message], LEGACY)).toEqual(
			legacy('two-messages-same-id'),
		);
	});

	it('image with file and link, document with filename', () => {
		expect(
			buildMediaWebhook(
				'image',
				{
					file: '/path/to/v1/media/41',
					id: '41',
					link: 'https://example.org/v1/media/41',
					mime_type: 'text/plain',
					sha256: 'the-sha-signature',
					caption: 'the caption',
				},
				LEGACY,
			),
		).toEqual(legacy('image'));
		expect(
			buildMediaWebhook(
				'document',
				{
					id: '41',
					mime_type: 'text/plain',
					sha256: 'the-sha-signature',
					caption: 'the caption',
					filename: 'filename.type',
				},
				LEGACY,
			),
		).toEqual(legacy('document'));
	});

	it('template button with a null payload, interactive replies', () => {
		expect(buildTemplateButtonWebhook({ payload: null, text: 'BUTTON1' }, LEGACY)).toEqual(
			legacy('button-null-payload'),
		);
		expect(
			buildInteractiveReplyWebhook('button_reply', { id: '0', title: 'BUTTON1' }, LEGACY),
		).toEqual(legacy('interactive-button-reply'));
		expect(buildInteractiveReplyWebhook('list_reply', { id: '0', title: 'ROW1' }, LEGACY)).toEqual(
			legacy('interactive-list-reply'),
		);
	});

	it('status without recipient_id, and top-level errors', () => {
		expect(
			buildStatusWebhook('sent', {
				shape: 'onpremise',
				statusId: '9712A34B4A8B6AD50F',
				timestamp: '1518694700',
				recipientId: null,
			}),
		).toEqual(legacy('status-sent'));
		expect(
			buildErrorsWebhook([{ code: 1005, title: 'Access denied' }], { shape: 'onpremise' }),
		).toEqual({
			errors: [{ code: 1005, title: 'Access denied' }],
		});
	});
});
