/** Workflow and credential builders shared by the Omnidesk end-to-end tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_API_KEY, type FakeOmnidesk } from '../fakes/omnidesk';
import type { FakeSelarti } from '../fakes/selarti';
import type { CredentialFixture, WorkflowJson } from './harness';

export const TEMPLATE_FILE = path.resolve(__dirname, '../../workflows/omnidesk-ai-assistant.json');

export const omnideskCredential = (id: string, desk: FakeOmnidesk): CredentialFixture => ({
	id,
	name: `Omnidesk ${id}`,
	type: 'omnichannelOmnideskApi',
	data: { domain: desk.apiBaseUrl, staffEmail: desk.staffEmail, apiKey: DEFAULT_API_KEY },
});

export const selartiCredential = (
	id: string,
	selarti: FakeSelarti,
	apiKey: string,
): CredentialFixture => ({
	id,
	name: `Selarti ${id}`,
	type: 'selartiApi',
	data: { baseUrl: selarti.apiBaseUrl, apiKey, sessionToken: '' },
});

type TemplateNode = Record<string, unknown> & {
	type: string;
	name: string;
	parameters: Record<string, unknown>;
};

/**
 * The template with credentials, the AI task and the operators' group filled in, as a user would
 * after importing it.
 */
export function omnideskTemplate(
	workflowId: string,
	ids: { omnidesk: string; selarti: string; taskId: string; humanGroupId: string },
): WorkflowJson {
	const template = JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) as WorkflowJson & {
		nodes: TemplateNode[];
	};
	for (const node of template.nodes) {
		if (/\.omnidesk(Trigger)?$/.test(node.type)) {
			node.credentials = {
				omnichannelOmnideskApi: { id: ids.omnidesk, name: `Omnidesk ${ids.omnidesk}` },
			};
		}
		if (/\.aiTask(Trigger)?$/.test(node.type)) {
			node.credentials = { selartiApi: { id: ids.selarti, name: `Selarti ${ids.selarti}` } };
		}
		if (node.name === 'Send to AI task') node.parameters.taskId = ids.taskId;
		if (node.name === 'Hand over to humans') node.parameters.groupId = ids.humanGroupId;
	}
	return { ...template, id: workflowId };
}
