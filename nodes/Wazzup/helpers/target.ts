import { InputError, resolveChannelTarget } from '../../shared';
import { chatTypeOfTransport, unknownChannelError, type ChannelDirectory } from './channels';

/** Where a message goes: the three fields every Wazzup send and conversation key carry. */
export interface WazzupTarget {
	channelId: string;
	chatType: string;
	chatId: string;
}

/** Chat ids typed by hand: phone digits, Instagram/Telegram usernames, group ids (§3.2). */
const PLAIN_CHAT_ID = /^[^:\s]+$/;

export interface TargetInput {
	/** The Chat ID field: a conversation key (`wazzup:<channelId>:<chatType>:<chatId>`) or an id. */
	chatId: unknown;
	/** The Channel field; needed only for a plain chat id. */
	channelId?: string;
	/** 'auto' (from the channel's transport) or a chatType. */
	chatType?: string;
}

/**
 * Reads the target of a send. A conversation key names everything; a plain chat id needs the
 * Channel field, and its chat type comes from the channel's transport unless one is picked.
 */
export async function resolveTarget(
	input: TargetInput,
	channels: ChannelDirectory,
	itemIndex?: number,
): Promise<WazzupTarget> {
	const target = resolveChannelTarget(input.chatId, {
		channel: 'wazzup',
		label: 'Wazzup',
		plainId: PLAIN_CHAT_ID,
		plainIdName: 'chat id',
		emptyFix:
			'map "conversation.key" from a Wazzup trigger or the AI Task Trigger, or enter a chat id (a phone number in digits for WhatsApp) and pick the Channel.',
	});
	if (target.kind === 'key') {
		const { channelId, chatType, chatId } = target.route;
		return { channelId, chatType, chatId };
	}
	const channelId = (input.channelId ?? '').trim();
	if (!channelId) {
		throw new InputError(
			`Chat ID "${target.id}" is a plain id, so Wazzup needs to know the channel.`,
			'Pick the Channel, or map a conversation key (it names the channel itself).',
		);
	}
	const picked = (input.chatType ?? 'auto').trim();
	if (picked && picked !== 'auto') return { channelId, chatType: picked, chatId: target.id };
	const channel = await channels.find(channelId, itemIndex);
	if (!channel) throw unknownChannelError(channelId);
	const chatType = chatTypeOfTransport(channel.transport);
	if (!chatType) {
		throw new InputError(
			`The chat type of channel ${channelId} (transport "${channel.transport}") cannot be derived.`,
			'Pick the Chat Type.',
		);
	}
	return { channelId, chatType, chatId: target.id };
}
