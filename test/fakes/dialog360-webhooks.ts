/**
 * Builders of realistic 360dialog webhook deliveries (api-reference §4.3), in both shapes:
 * - 'cloud': the Meta Cloud API envelope {object, entry[{id, changes[{value, field}]}]};
 * - 'onpremise': top-level messages[] / contacts[] / statuses[] / errors[] (no entry wrapper).
 * Bodies follow the real ones in test/fixtures/360dialog (pywa and courier test suites), and
 * every quirk seen there can be produced: string timestamps (the default), a user with no
 * `from` / `wa_id` (BSUID only: `from: null` + userId), `payload: null` on template buttons,
 * statuses without recipient_id, value-level errors, integer expiration_timestamp.
 */
import { randomBytes } from 'node:crypto';

export type Dialog360Shape = 'cloud' | 'onpremise';
export type Dialog360Webhook = Record<string, unknown>;
type Json = Record<string, unknown>;

export interface Dialog360EnvelopeOptions {
	/** Default 'cloud'. */
	shape?: Dialog360Shape;
	/** entry[0].id, the WABA id (cloud only). */
	wabaId?: string;
	/** metadata.phone_number_id (cloud only). */
	phoneNumberId?: string;
	/** metadata.display_phone_number (cloud only); courier's fixtures have spaces in it. */
	displayPhoneNumber?: string;
	/** Include contacts[] (default true; the legacy On-Premise fixtures mostly have none). */
	contacts?: boolean;
}

export interface Dialog360SenderOptions extends Dialog360EnvelopeOptions {
	/** The user's wa_id, used as `from` and contacts[].wa_id; null leaves both out (BSUID-only user). */
	from?: string | null;
	name?: string;
	/** profile.username (courier has both "kfisher" and "@kfisher"). */
	username?: string;
	/** BSUID: contacts[].user_id and messages[].from_user_id. */
	userId?: string;
	/** contacts[].parent_user_id and messages[].from_parent_user_id. */
	parentUserId?: string;
	/** Repeat the user ids on the message as from_user_id (default true; pywa's bodies do not). */
	userIdOnMessage?: boolean;
	/** Message id (default a random wamid). */
	messageId?: string;
	/** Unix seconds; a string as 360dialog sends it (default now, as a string). */
	timestamp?: string | number;
	/** messages[].context, e.g. {from, id} of the message replied to, or {forwarded: true}. */
	context?: Json;
}

const DEFAULTS = {
	wabaId: '1234567890987654321',
	phoneNumberId: '1122334455667',
	displayPhoneNumber: '972123456789',
	from: '972987654321',
	name: 'Test Name',
};

/** A wamid-like message id: "wamid." plus base64, as the Cloud API issues them. */
export function wamid(): string {
	return `wamid.${randomBytes(24).toString('base64')}`;
}

function nowSeconds(): string {
	return String(Math.floor(Date.now() / 1000));
}

function contactOf(options: Dialog360SenderOptions): Json {
	const profile: Json = { name: options.name ?? DEFAULTS.name };
	if (options.username !== undefined) profile.username = options.username;
	const contact: Json = { profile };
	const from = options.from === undefined ? DEFAULTS.from : options.from;
	if (from !== null) contact.wa_id = from;
	if (options.userId !== undefined) contact.user_id = options.userId;
	if (options.parentUserId !== undefined) contact.parent_user_id = options.parentUserId;
	return contact;
}

/** Wraps value fields (messages / statuses / errors …) in the chosen shape. */
export function wrapDialog360(
	fields: Json,
	options: Dialog360SenderOptions = {},
	withContacts = options.contacts ?? true,
): Dialog360Webhook {
	const contacts = withContacts ? { contacts: [contactOf(options)] } : {};
	if ((options.shape ?? 'cloud') === 'onpremise') return { ...contacts, ...fields };
	const value = {
		messaging_product: 'whatsapp',
		metadata: {
			display_phone_number: options.displayPhoneNumber ?? DEFAULTS.displayPhoneNumber,
			phone_number_id: options.phoneNumberId ?? DEFAULTS.phoneNumberId,
		},
		...contacts,
		...fields,
	};
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: options.wabaId ?? DEFAULTS.wabaId, changes: [{ value, field: 'messages' }] }],
	};
}

/** One inbound message object of `type` with its payload, before wrapping. */
export function buildInboundMessage(
	type: string,
	payload: unknown,
	options: Dialog360SenderOptions = {},
): Json {
	const message: Json = {};
	if (options.context !== undefined) message.context = options.context;
	const from = options.from === undefined ? DEFAULTS.from : options.from;
	if (from !== null) message.from = from;
	if (options.userIdOnMessage !== false) {
		if (options.userId !== undefined) message.from_user_id = options.userId;
		if (options.parentUserId !== undefined) message.from_parent_user_id = options.parentUserId;
	}
	message.id = options.messageId ?? wamid();
	message.timestamp = options.timestamp ?? nowSeconds();
	message.type = type;
	message[type] = payload;
	return message;
}

/** A delivery holding several messages (e.g. the On-Premise duplicate-id case). */
export function buildMessagesWebhook(
	messages: Json[],
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	return wrapDialog360({ messages }, options);
}

export function buildTextWebhook(
	text: string,
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	return buildMessagesWebhook([buildInboundMessage('text', { body: text }, options)], options);
}

export type Dialog360MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker' | 'voice';

/**
 * An inbound media message. `media` is the media object verbatim: {id, mime_type, sha256,
 * caption?, filename?}; On-Premise and older Cloud bodies also carry `file` and `link`.
 */
export function buildMediaWebhook(
	kind: Dialog360MediaKind,
	media: Json = {},
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	const payload = {
		mime_type: kind === 'document' ? 'application/pdf' : 'image/jpeg',
		sha256: randomBytes(32).toString('base64'),
		id: String(Date.now()),
		...media,
	};
	return buildMessagesWebhook([buildInboundMessage(kind, payload, options)], options);
}

export interface Dialog360ReplyChoice {
	id: string;
	title: string;
	/** List rows only. */
	description?: string;
}

/** A tap on a reply button ('button_reply') or a list row ('list_reply'): type "interactive". */
export function buildInteractiveReplyWebhook(
	kind: 'button_reply' | 'list_reply',
	choice: Dialog360ReplyChoice,
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	const interactive = { type: kind, [kind]: { ...choice } };
	return buildMessagesWebhook([buildInboundMessage('interactive', interactive, options)], options);
}

/** A template quick-reply tap: type "button", `payload` may be null (On-Premise, courier). */
export function buildTemplateButtonWebhook(
	button: { payload: string | null; text: string },
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	return buildMessagesWebhook([buildInboundMessage('button', { ...button }, options)], options);
}

export interface Dialog360StatusOptions extends Dialog360SenderOptions {
	/** The wamid of the message the status is about (default random). */
	statusId?: string;
	/** Default: `from`; null leaves recipient_id out (the legacy On-Premise fixture has none). */
	recipientId?: string | null;
	/** courier's statuses carry type "message". */
	type?: string;
	/** Replaces the default conversation; null leaves it out (the default for failed/On-Premise). */
	conversation?: Json | null;
	/** Replaces the default pricing; null leaves it out. */
	pricing?: Json | null;
	/** Errors of a failed status (default: the 24-hour window error 131047). */
	errors?: Json[];
}

/** The 24-hour window error as Meta reports it in a failed status (inferred, Meta format). */
export const REENGAGEMENT_STATUS_ERROR: Json = {
	code: 131047,
	title: 'Re-engagement message',
	message: 'Re-engagement message',
	error_data: {
		details:
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	},
	href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
};

/** A status update (sent, delivered, read, failed) for an outbound message. */
export function buildStatusWebhook(
	status: 'sent' | 'delivered' | 'read' | 'failed' | 'deleted',
	options: Dialog360StatusOptions = {},
): Dialog360Webhook {
	const cloud = (options.shape ?? 'cloud') === 'cloud';
	const entry: Json = { id: options.statusId ?? wamid(), status };
	entry.timestamp = options.timestamp ?? nowSeconds();
	const from = options.from === undefined ? DEFAULTS.from : options.from;
	const recipient = options.recipientId === undefined ? from : options.recipientId;
	if (recipient !== null) entry.recipient_id = recipient;
	if (options.type !== undefined) entry.type = options.type;
	const billable = cloud && status !== 'failed';
	const conversation =
		options.conversation === undefined
			? billable
				? {
						id: randomBytes(15).toString('hex'),
						...(status === 'sent'
							? { expiration_timestamp: String(Math.floor(Date.now() / 1000) + 86_400) }
							: {}),
						origin: { type: 'service' },
					}
				: null
			: options.conversation;
	if (conversation !== null) entry.conversation = conversation;
	const pricing =
		options.pricing === undefined
			? billable
				? { billable: true, pricing_model: 'CBP', category: 'service' }
				: null
			: options.pricing;
	if (pricing !== null) entry.pricing = pricing;
	if (status === 'failed' || options.errors !== undefined)
		entry.errors = options.errors ?? [REENGAGEMENT_STATUS_ERROR];
	// Real Cloud status deliveries carry contacts too (pywa, courier); legacy On-Premise ones do not.
	return wrapDialog360({ statuses: [entry] }, options, options.contacts ?? cloud);
}

/**
 * Errors not tied to a message: value-level errors[] on Cloud (courier-value-level-errors),
 * top-level errors[] On-Premise (§4.3).
 */
export function buildErrorsWebhook(
	errors: Json[] = [{ code: 0, title: 'We were unable to authenticate the app user' }],
	options: Dialog360SenderOptions = {},
): Dialog360Webhook {
	const cloud = (options.shape ?? 'cloud') === 'cloud';
	return wrapDialog360({ errors }, options, options.contacts ?? cloud);
}
