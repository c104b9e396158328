import { storedKey } from '../../../nodes/shared';
import type { N8nInstance } from './n8n-instance';

/**
 * Reading the AI Task Trigger's redelivery records out of a workflow's saved static data, so a
 * queue-mode test can wait for n8n's save of the very delivery it sent (another process's save
 * writing back some other record must not end the wait early), and the counts the queue-mode
 * tests share.
 */

/** Every message record any AI Task Trigger of the workflow has saved (static data → recentMessages keys). */
export const savedMessageRecords = (data: Record<string, unknown>): Set<string> =>
	new Set(
		Object.values(data).flatMap((nodeData) =>
			Object.keys((nodeData as { recentMessages?: object } | null)?.recentMessages ?? {}),
		),
	);

/** The key the trigger saves a message id under: the same function, over "<workflow>|<node>|<id>". */
export const messageRecordKey = (workflowId: string, nodeId: string, messageId: unknown): string =>
	storedKey(`${workflowId}|${nodeId}|${String(messageId)}`);

/** The id n8n gave the workflow's AI Task Trigger node (imported templates get theirs at import). */
export async function aiTriggerNodeId(main: N8nInstance, workflowId: string): Promise<string> {
	const saved = await main.publicApi('GET', `/workflows/${workflowId}`);
	const nodes = (saved.body as { nodes: Array<{ id: string; type: string }> }).nodes;
	const trigger = nodes.find((node) => node.type.endsWith('.aiTaskTrigger'));
	if (!trigger) throw new Error(`workflow ${workflowId} has no AI Task Trigger`);
	return trigger.id;
}

/** The AI Task Trigger's answer to a delivery it dropped as a redelivery. */
export const isDuplicateAnswer = (body: unknown): boolean =>
	JSON.stringify(body) === JSON.stringify({ ok: true, ignored: 'duplicate message_id' });

/** Counts of each value (which process or worker handled how many). */
export function tally(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}
