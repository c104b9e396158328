/**
 * Validation of POST /v3/message (api-reference §3.2) and Wazzup's error answer (§3.1:
 * `{"error": "CODE", "description": "...", "data": {...}}`).
 * The refusals are documented; their codes and statuses are NOT FOUND in §3, so the codes below
 * are our defaults (UPPER_SNAKE like the documented TOO_MANY_ENTITIES / REPEATED_CRM_MESSAGE_ID),
 * all answered 400. Clients should branch on the status, not on these codes.
 */
import type { FakeResponse } from './fake-server';
import { WAZZUP_CHAT_TYPES } from './wazzup-webhooks';

export interface WazzupChannel {
	channelId: string;
	/** whatsapp, wapi (WABA), instagram, tgapi, telegram, vk, avito, … (§3.3). */
	transport: string;
	/** Phone number or account name. */
	plainId: string;
	/** active, init, disabled, phoneUnavailable, qr, … (§3.3); only active sends. */
	state: string;
	name?: string;
}

export function wazzupError(
	status: number,
	error: string,
	description: string,
	data?: Record<string, unknown>,
): FakeResponse {
	return { status, json: data ? { error, description, data } : { error, description } };
}

/** Longest text per transport (§3.2); transports not listed there are not checked. */
const TEXT_LIMITS: Record<string, number> = {
	whatsapp: 10_000,
	instagram: 1_000,
	wapi: 4_096,
	telegram: 4_096,
	tgapi: 4_096,
};

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * Checks a send body against the documented rules; answers the refusal, or undefined when the
 * message may be sent. Order: required fields, text/content, chat id, channel, length.
 */
export function validateSend(
	body: Record<string, unknown>,
	channels: WazzupChannel[],
): FakeResponse | undefined {
	const missing = (field: string) =>
		wazzupError(400, 'VALIDATION_ERROR', `${field} is required`, { field });
	if (!present(body.channelId)) return missing('channelId');
	if (!present(body.chatType)) return missing('chatType');
	const chatType = String(body.chatType);
	if (!(WAZZUP_CHAT_TYPES as readonly string[]).includes(chatType)) {
		return wazzupError(400, 'VALIDATION_ERROR', `Unknown chatType ${chatType}`, {
			field: 'chatType',
		});
	}
	// §3.2: Telegram may name the client by username or phone when chatId is unknown.
	const telegramAlternative =
		chatType === 'telegram' && (present(body.username) || present(body.phone));
	if (!present(body.chatId) && !telegramAlternative) return missing('chatId');
	// §3.2: text and contentUri are mutually exclusive; one of them (or a template) is needed.
	if (present(body.text) && present(body.contentUri)) {
		return wazzupError(
			400,
			'MESSAGE_ONLY_TEXT_OR_CONTENT',
			'Message must contain either text or contentUri, not both',
		);
	}
	if (!present(body.text) && !present(body.contentUri) && !present(body.templateId)) {
		return wazzupError(400, 'MESSAGE_EMPTY', 'Message must contain text or contentUri');
	}
	// §3.2: WhatsApp and Viber chat ids are digits only (79011112233).
	if ((chatType === 'whatsapp' || chatType === 'viber') && present(body.chatId)) {
		if (!/^\d+$/.test(String(body.chatId))) {
			return wazzupError(400, 'INVALID_CHAT_ID', 'chatId must contain digits only', {
				chatId: body.chatId,
			});
		}
	}
	const channel = channels.find((candidate) => candidate.channelId === String(body.channelId));
	if (!channel) {
		return wazzupError(400, 'CHANNEL_NOT_FOUND', 'Channel not found', {
			channelId: body.channelId,
		});
	}
	if (channel.state !== 'active') {
		return wazzupError(400, 'CHANNEL_NOT_ACTIVE', `Channel is ${channel.state}`, {
			channelId: channel.channelId,
			state: channel.state,
		});
	}
	const limit = TEXT_LIMITS[channel.transport];
	if (present(body.text) && limit !== undefined && String(body.text).length > limit) {
		return wazzupError(400, 'TOO_LONG_TEXT', `Text longer than ${limit} characters`, { limit });
	}
	return undefined;
}
