import { readFileSync } from 'node:fs';

import type { WorkflowJson } from './fixtures';

/**
 * A shipped template (workflows/*.json) filled in the way a user does after importing it: each
 * node gets the credential for its type, then the few fields a template leaves blank (the AI
 * task id, the operators' group). One helper so every template test fills templates the same way.
 */

/** A template node, with the fields the tests read or fill. */
export type TemplateNode = Record<string, unknown> & {
	type: string;
	name: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
};

export type TemplateWorkflow = WorkflowJson & { nodes: TemplateNode[] };

/** Nodes whose type matches `nodeType` use this credential (it must have been imported). */
export interface TemplateCredential {
	nodeType: RegExp;
	/** The credential type, e.g. 'selartiApi'. */
	type: string;
	id: string;
	/** The name the credential was imported with. */
	name: string;
}

/**
 * `file` (an absolute path) with each node's credentials set from the entry of `credentials` whose
 * `nodeType` matches its type (nodes no entry matches keep theirs), then `edit` applied to each
 * node, returned under `workflowId`.
 */
export function filledTemplate(
	file: string,
	workflowId: string,
	credentials: TemplateCredential[],
	edit: (node: TemplateNode) => void = () => {},
): TemplateWorkflow {
	const template = JSON.parse(readFileSync(file, 'utf8')) as TemplateWorkflow;
	for (const node of template.nodes) {
		for (const { nodeType, type, id, name } of credentials) {
			if (nodeType.test(node.type)) node.credentials = { [type]: { id, name } };
		}
		edit(node);
	}
	return { ...template, id: workflowId };
}

/** What a channel's AI assistant template (workflows/<channel>-ai-assistant.json) leaves blank. */
export interface ChannelTemplateFill {
	/** The channel's credential, for its trigger and send nodes. */
	channel: TemplateCredential;
	/** The Selarti credential, for both AI Task nodes. */
	selarti: { id: string; name: string };
	/** The AI task "Send to AI task" sends to. */
	taskId: string;
}

/**
 * A channel's AI assistant template as a user leaves it after importing it: every one of them has
 * the same AI Task half (Send to AI task, AI answers), so only the channel's credential differs.
 * `edit` fills what a template adds (e.g. Omnidesk's operators' group).
 */
export function channelTemplate(
	file: string,
	workflowId: string,
	fill: ChannelTemplateFill,
	edit: (node: TemplateNode) => void = () => {},
): TemplateWorkflow {
	return filledTemplate(
		file,
		workflowId,
		[fill.channel, { nodeType: /\.aiTask(Trigger)?$/, type: 'selartiApi', ...fill.selarti }],
		(node) => {
			if (node.name === 'Send to AI task') node.parameters.taskId = fill.taskId;
			edit(node);
		},
	);
}
