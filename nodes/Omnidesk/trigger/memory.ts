import { TriggerRedeliveries } from '../../shared';

const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Client messages already turned into an execution, by case and message id: a rule that fires
 * again for the same message (a "changed cases" rule also fires when an operator changes a field)
 * is dropped within a day. In production the node's static data decides, shared by every n8n
 * process (`deliveryMemory`, docs/architecture.md, "Queue mode"); this per-process memory is its
 * fast path, and the only memory of test deliveries.
 */
export const messages = new TriggerRedeliveries('recentMessages', WINDOW_MS);

/** For tests: this process forgets what it has seen (a restart). */
export const resetTriggerMemory = (): void => messages.forget();
