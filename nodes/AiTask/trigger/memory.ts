import type { IDataObject } from 'n8n-workflow';

import { LayeredMemory, RecentMap, StaticDataMap, type KeyValueMemory } from '../../shared';

// Where the AI Task Trigger remembers what it has seen (docs/architecture.md, "Queue mode"):
// production deliveries decide from the workflow's static data, which every n8n process shares
// through the database; test deliveries (n8n discards their static data) and the fast path use
// these per-process memories.

const MESSAGE_WINDOW_MS = 60 * 60 * 1000;
const DIALOG_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Message ids already turned into an execution: a redelivery within the window is dropped. */
export const seenMessages = new RecentMap<true>(10_000, MESSAGE_WINDOW_MS);

/** Last known state of each dialog's flags, so a flag that stays on is reported once. */
export const dialogStates = new RecentMap<string>(20_000, DIALOG_WINDOW_MS);

/**
 * Static data is saved whole on every change, so it stays small: about 40 bytes per entry, at
 * most 1,000 message ids (an hour) and 2,000 dialog flags that are on (a week): under 100 kB.
 */
export const STORED_MESSAGES_MAX = 1_000;
export const STORED_DIALOG_FLAGS_MAX = 2_000;

export interface TriggerMemories {
	messages: KeyValueMemory<true>;
	dialogs: KeyValueMemory<string>;
}

/**
 * The memories for one delivery. `nodeStaticData` is the node's static data in production
 * (shared across processes), undefined for test deliveries. The dialog flags never go through the
 * per-process memory in production: a flag this process saw on may have turned off and on again
 * in another process since.
 */
export function triggerMemories(nodeStaticData: IDataObject | undefined): TriggerMemories {
	if (!nodeStaticData) return { messages: seenMessages, dialogs: dialogStates };
	return {
		messages: new LayeredMemory(
			seenMessages,
			new StaticDataMap<true>(
				nodeStaticData,
				'recentMessages',
				STORED_MESSAGES_MAX,
				MESSAGE_WINDOW_MS,
			),
		),
		dialogs: new StaticDataMap<string>(
			nodeStaticData,
			'dialogs',
			STORED_DIALOG_FLAGS_MAX,
			DIALOG_WINDOW_MS,
		),
	};
}

/**
 * Whether a flag has just turned on (or changed to a new value) for a dialog. `state` undefined
 * means off. Without a dialog id there is nothing to remember by, so an "on" flag always counts.
 */
export function turnedOn(
	dialog: string | undefined,
	flag: string,
	state: string | undefined,
	memory: KeyValueMemory<string> = dialogStates,
): boolean {
	if (!dialog) return state !== undefined;
	const key = `${dialog}|${flag}`;
	const previous = memory.get(key);
	if (state === undefined) {
		memory.delete(key);
		return false;
	}
	memory.set(key, state);
	return previous !== state;
}

/** For tests. */
export function resetTriggerMemory(): void {
	seenMessages.clear();
	dialogStates.clear();
}
