import type { IDataObject } from 'n8n-workflow';

import {
	deliveryMemory,
	openStaticDataMap,
	ownStaticDataWrites,
	RecentMap,
	type KeyValueMemory,
} from '../../shared';

// Where the AI Task Trigger remembers what it has seen (docs/architecture.md, "Queue mode"):
// production deliveries decide from the workflow's static data, which every n8n process shares
// through the database; test deliveries (n8n discards their static data), the fast path and the
// repair of writes lost to concurrent saves use these per-process memories.

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

/** A flag that was on and is now off, kept in static data so that it keeps deciding for the dialog. */
const FLAG_OFF = '-';

/**
 * A dialog's flags: the static data decides whenever it knows the flag (on, or off after being
 * on); otherwise this process's memory. The fallback matters where static data does not come back
 * (test deliveries; a flag lost to another delivery's save of the same moment), so that a flag is
 * still reported once per process there; the "off" marker keeps a stale "on" in one process's memory
 * from hiding a new handoff that static data knows about.
 */
class DialogFlags implements KeyValueMemory<string> {
	constructor(
		private readonly local: KeyValueMemory<string>,
		private readonly shared: KeyValueMemory<string>,
	) {}

	get(key: string): string | undefined {
		const stored = this.shared.get(key);
		const value = stored !== undefined ? stored : this.local.get(key);
		return value === FLAG_OFF ? undefined : value;
	}

	set(key: string, value: string): void {
		this.local.set(key, value);
		this.shared.set(key, value);
	}

	delete(key: string): void {
		const wasOn = this.get(key) !== undefined;
		this.local.delete(key);
		if (wasOn) this.shared.set(key, FLAG_OFF);
	}
}

/**
 * The memories for one delivery. `nodeStaticData` is the node's static data in production
 * (shared across processes), undefined for test deliveries; `scope` names the workflow and node.
 * Opening them writes back what this process wrote and a concurrent save lost, so the repair
 * does not wait for this process's next new message.
 */
export function triggerMemories(
	nodeStaticData: IDataObject | undefined,
	scope: string,
): TriggerMemories {
	if (!nodeStaticData) return { messages: seenMessages, dialogs: dialogStates };
	return {
		messages: deliveryMemory(nodeStaticData, seenMessages, scope, {
			field: 'recentMessages',
			maxEntries: STORED_MESSAGES_MAX,
			windowMs: MESSAGE_WINDOW_MS,
		}),
		dialogs: new DialogFlags(
			dialogStates,
			openStaticDataMap<string>(nodeStaticData, scope, {
				field: 'dialogs',
				maxEntries: STORED_DIALOG_FLAGS_MAX,
				windowMs: DIALOG_WINDOW_MS,
			}),
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
	ownStaticDataWrites.clear();
}
