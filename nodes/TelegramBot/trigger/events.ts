import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every update type of the Bot API (as of Bot API 8), with the `event` name our items carry.
 * The names are the shared conversation events where there is one (message, edited, callback,
 * docs/architecture.md); the rest are the update type in camelCase.
 */
export const UPDATE_TYPES = {
	message: {
		event: 'message',
		name: 'Message',
		description: 'New message of any kind: text, photo, voice, sticker…',
	},
	edited_message: {
		event: 'edited',
		name: 'Edited Message',
		description: 'A message the user edited',
	},
	channel_post: {
		event: 'channelPost',
		name: 'Channel Post',
		description: 'New post in a channel where the bot is admin',
	},
	edited_channel_post: {
		event: 'editedChannelPost',
		name: 'Edited Channel Post',
		description: 'An edited channel post',
	},
	callback_query: {
		event: 'callback',
		name: 'Callback Query',
		description: 'An inline keyboard button was pressed',
	},
	inline_query: {
		event: 'inlineQuery',
		name: 'Inline Query',
		description: 'Someone typed @yourbot … in a chat',
	},
	chosen_inline_result: {
		event: 'chosenInlineResult',
		name: 'Chosen Inline Result',
		description: 'A user chose an inline result',
	},
	my_chat_member: {
		event: 'myChatMember',
		name: 'My Chat Member',
		description: 'The bot was added, removed or blocked',
	},
	chat_member: {
		event: 'chatMember',
		name: 'Chat Member',
		description: 'A member joined or left a chat where the bot is admin',
	},
	chat_join_request: {
		event: 'chatJoinRequest',
		name: 'Chat Join Request',
		description: 'Someone asked to join a chat the bot manages',
	},
	message_reaction: {
		event: 'messageReaction',
		name: 'Message Reaction',
		description: 'A user changed a reaction (bot must be admin)',
	},
	message_reaction_count: {
		event: 'messageReactionCount',
		name: 'Message Reaction Count',
		description: 'Anonymous reactions changed',
	},
	poll: {
		event: 'poll',
		name: 'Poll',
		description: 'A poll sent by the bot changed or was stopped',
	},
	poll_answer: {
		event: 'pollAnswer',
		name: 'Poll Answer',
		description: 'A user voted in a non-anonymous poll of the bot',
	},
	shipping_query: {
		event: 'shippingQuery',
		name: 'Shipping Query',
		description: 'Payments: an invoice with flexible price needs shipping options',
	},
	pre_checkout_query: {
		event: 'preCheckoutQuery',
		name: 'Pre-Checkout Query',
		description: 'Payments: confirm a checkout',
	},
	purchased_paid_media: {
		event: 'purchasedPaidMedia',
		name: 'Purchased Paid Media',
		description: 'A user bought paid media',
	},
	chat_boost: { event: 'chatBoost', name: 'Chat Boost', description: 'A chat was boosted' },
	removed_chat_boost: {
		event: 'removedChatBoost',
		name: 'Removed Chat Boost',
		description: 'A boost was removed',
	},
	business_connection: {
		event: 'businessConnection',
		name: 'Business Connection',
		description: 'A business account connected or disconnected the bot',
	},
	business_message: {
		event: 'businessMessage',
		name: 'Business Message',
		description: 'New message in a connected business account',
	},
	edited_business_message: {
		event: 'editedBusinessMessage',
		name: 'Edited Business Message',
		description: 'Edited message in a connected business account',
	},
	deleted_business_messages: {
		event: 'deletedBusinessMessages',
		name: 'Deleted Business Messages',
		description: 'Messages deleted in a connected business account',
	},
} as const;

export type UpdateType = keyof typeof UPDATE_TYPES;

export const ALL_UPDATE_TYPES = Object.keys(UPDATE_TYPES) as UpdateType[];

/** Update types that carry a Message object under their own key. */
export const MESSAGE_UPDATE_TYPES: ReadonlySet<string> = new Set([
	'message',
	'edited_message',
	'channel_post',
	'edited_channel_post',
	'business_message',
	'edited_business_message',
]);

export const ALL_EVENTS = '*';

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Updates',
		value: ALL_EVENTS,
		description: 'Every update type, including chat members and reactions',
	},
	...ALL_UPDATE_TYPES.map((type) => ({
		name: UPDATE_TYPES[type].name,
		value: type,
		description: UPDATE_TYPES[type].description,
	})),
];

/**
 * The allowed_updates to register. Telegram's empty list means "all except chat_member,
 * message_reaction and message_reaction_count", so "all" is spelled out in full.
 */
export function allowedUpdates(selected: string[]): UpdateType[] {
	if (selected.length === 0 || selected.includes(ALL_EVENTS)) return [...ALL_UPDATE_TYPES];
	return ALL_UPDATE_TYPES.filter((type) => selected.includes(type));
}

/** The update type of an update: its one key besides update_id. */
export function updateTypeOf(update: Record<string, unknown>): string | undefined {
	return Object.keys(update).find(
		(key) => key !== 'update_id' && update[key] !== undefined && update[key] !== null,
	);
}
