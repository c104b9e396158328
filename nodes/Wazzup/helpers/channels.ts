import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared';
import { wazzupRequest, type WazzupContext } from '../transport';

/** One entry of GET /v3/channels (api-reference §3.3); `name` only on live accounts. */
export interface WazzupChannel extends IDataObject {
	channelId: string;
	transport: string;
	plainId?: string;
	state?: string;
	name?: string;
}

/** chatType values a send accepts (§3.5). Groups are listed so they can be picked, never guessed. */
export const CHAT_TYPES = [
	'avito',
	'instagram',
	'max',
	'maxgroup',
	'telegram',
	'telegroup',
	'viber',
	'vk',
	'whatsapp',
	'whatsgroup',
] as const;

/**
 * The chatType of a one-to-one chat on a channel, from its transport (§3.3, §3.5). WABA
 * ("wapi") chats are "whatsapp"; Telegram personal ("tgapi") and bot ("telegram") are
 * "telegram". Group chat types are never derived: a group id sent as a private chat reaches
 * nobody.
 */
export function chatTypeOfTransport(transport: string): string | undefined {
	switch (transport) {
		case 'whatsapp':
		case 'wapi':
			return 'whatsapp';
		case 'tgapi':
		case 'telegram':
			return 'telegram';
		case 'instagram':
		case 'viber':
		case 'vk':
		case 'avito':
		case 'max':
			return transport;
		default:
			return undefined;
	}
}

export async function listChannels(
	context: WazzupContext,
	itemIndex?: number,
): Promise<WazzupChannel[]> {
	const answer = await wazzupRequest<unknown>(context, {
		method: 'GET',
		path: '/channels',
		idempotent: true,
		itemIndex,
	});
	if (!Array.isArray(answer)) return [];
	return answer.filter(
		(entry): entry is WazzupChannel =>
			!!entry && typeof entry === 'object' && typeof entry.channelId === 'string',
	);
}

/** A channel list fetched at most once per node run (every item of an execution shares it). */
export function channelDirectory(context: WazzupContext) {
	let pending: Promise<WazzupChannel[]> | undefined;
	const all = async (itemIndex?: number) => {
		pending ??= listChannels(context, itemIndex).catch((error: unknown) => {
			pending = undefined;
			throw error;
		});
		return await pending;
	};
	return {
		all,
		async find(channelId: string, itemIndex?: number): Promise<WazzupChannel | undefined> {
			return (await all(itemIndex)).find((channel) => channel.channelId === channelId);
		},
	};
}

export type ChannelDirectory = ReturnType<typeof channelDirectory>;

/** "Sales WhatsApp (whatsapp, 79990001122)", and "— not active: qr" when it cannot send. */
export function channelLabel(channel: WazzupChannel): string {
	const details = [channel.transport, channel.plainId].filter(Boolean).join(', ');
	const name = channel.name || channel.plainId || channel.channelId;
	const state =
		channel.state && channel.state !== 'active' ? ` — not active: ${channel.state}` : '';
	return `${name} (${details})${state}`;
}

export function unknownChannelError(channelId: string): InputError {
	return new InputError(
		`Channel ${channelId} is not one of this Wazzup account's channels.`,
		'Pick the channel from the list, or check that the credential belongs to the account the conversation came from.',
	);
}
