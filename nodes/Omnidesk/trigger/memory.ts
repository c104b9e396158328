import { RecentMap } from '../../shared';

/**
 * Client messages this n8n process already turned into an execution, by case and message id: a
 * rule that fires again for the same message (a "changed cases" rule also fires when an
 * operator changes a field) is dropped. Best effort (docs/architecture.md, "Queue mode"): another
 * process does not see these entries, so the README asks for a rule condition "client replied".
 */
export const seenMessages = new RecentMap<true>(10_000, 24 * 60 * 60 * 1000);

export function resetTriggerMemory(): void {
	seenMessages.clear();
}
