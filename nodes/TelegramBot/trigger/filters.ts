import type { TelegramEvent } from './parse';
import { ALL_EVENTS } from './events';

/** The trigger's "Filters" (trigger/description.ts). */
export interface TriggerFilters {
	chatIds?: string;
	userIds?: string;
	commands?: string;
}

function list(value: string | undefined): string[] {
	return (value ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim().toLowerCase())
		.filter(Boolean);
}

function matches(wanted: string[], id: unknown, username: unknown): boolean {
	const candidates = [
		typeof id === 'string' ? id : undefined,
		typeof username === 'string' ? '@' + username.toLowerCase() : undefined,
	];
	return candidates.some((candidate) => candidate !== undefined && wanted.includes(candidate));
}

/** Whether an event is one the node should start a run for. */
export function passesFilters(
	event: TelegramEvent,
	selectedEvents: string[],
	filters: TriggerFilters,
): boolean {
	if (
		selectedEvents.length > 0 &&
		!selectedEvents.includes(ALL_EVENTS) &&
		!selectedEvents.includes(event.updateType)
	)
		return false;

	const chats = list(filters.chatIds);
	if (chats.length && !matches(chats, event.conversation.chatId, event.conversation.chatUsername))
		return false;

	const users = list(filters.userIds);
	if (users.length && !matches(users, event.contact.id, event.contact.username)) return false;

	const commands = list(filters.commands).map((command) => command.replace(/^\//, ''));
	if (commands.length && !commands.includes(String(event.message.command ?? ''))) return false;

	return true;
}
