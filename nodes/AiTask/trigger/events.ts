/**
 * The events the AI Task Trigger emits, in the order of its separate outputs. The order is part of
 * saved workflows (connections are stored by output index): append, never reorder.
 */
export const AI_TASK_EVENTS = [
	{ value: 'reply', name: 'Reply', description: 'The AI wrote to the user' },
	{
		value: 'operatorMessage',
		name: 'Operator Message',
		description: 'A human operator wrote to the user from the Selarti panel',
	},
	{
		value: 'handoff',
		name: 'Handoff',
		description: 'The dialog was handed to a human operator (operator flag turned on)',
	},
	{ value: 'closed', name: 'Closed', description: 'The dialog was closed (close flag turned on)' },
	{
		value: 'contactCaptured',
		name: 'Contact Captured',
		description: 'The AI obtained the contact data of the user',
	},
	{
		value: 'userMessage',
		name: 'User Message',
		description:
			"Selarti's echo of the user's own message; off by default, because sending it back to the AI would loop",
	},
] as const;

export type AiTaskEvent = (typeof AI_TASK_EVENTS)[number]['value'];

/** Everything except the user's own echo: what a new trigger listens to. */
export const DEFAULT_EVENTS: AiTaskEvent[] = AI_TASK_EVENTS.map((e) => e.value).filter(
	(e) => e !== 'userMessage',
);

export function outputIndexOf(event: AiTaskEvent): number {
	return AI_TASK_EVENTS.findIndex((e) => e.value === event);
}

/**
 * The node's outputs, evaluated by n8n (in the editor and in the expression sandbox) from the
 * node's parameters. It is inlined into an expression as source text, so it must not refer to
 * anything outside itself; a unit test checks that its names match AI_TASK_EVENTS.
 */
// Stryker disable all: mutating it would put Stryker's own helpers into the source text n8n evaluates.
export const configuredOutputs = (parameters: { separateOutputs?: unknown }) => {
	if (parameters.separateOutputs !== true) return [{ type: 'main' }];
	return ['Reply', 'Operator Message', 'Handoff', 'Closed', 'Contact Captured', 'User Message'].map(
		(displayName) => ({
			type: 'main',
			displayName,
		}),
	);
};
// Stryker restore all
