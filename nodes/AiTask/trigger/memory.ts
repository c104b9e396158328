import { RecentMap } from '../../shared';

// The AI Task Trigger's per-process memories: best effort (docs/architecture.md, "Queue mode").

/** Message ids already turned into an execution: a redelivery within the window is dropped. */
export const seenMessages = new RecentMap<true>(10_000, 60 * 60 * 1000);

/** Last known state of each dialog's flags, so a flag that stays on is reported once. */
export const dialogStates = new RecentMap<string>(20_000, 7 * 24 * 60 * 60 * 1000);

/**
 * Whether a flag has just turned on (or changed to a new value) for a dialog. `state` undefined
 * means off. Without a dialog id there is nothing to remember by, so an "on" flag always counts.
 */
export function turnedOn(
	dialog: string | undefined,
	flag: string,
	state: string | undefined,
	memory = dialogStates,
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
