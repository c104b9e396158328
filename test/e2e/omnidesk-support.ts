/** Workflow and credential builders shared by the Omnidesk end-to-end tests. */
import path from 'node:path';

import { DEFAULT_API_KEY, type FakeOmnidesk } from '../fakes/omnidesk';
import type { FakeSelarti } from '../fakes/selarti';
import type { CredentialFixture, WorkflowJson } from './harness';
import { channelTemplate } from './harness/templates';

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

/**
 * The template with credentials, the AI task and the operators' group filled in, as a user would
 * after importing it.
 */
export function omnideskTemplate(
	workflowId: string,
	ids: { omnidesk: string; selarti: string; taskId: string; humanGroupId: string },
): WorkflowJson {
	return channelTemplate(
		TEMPLATE_FILE,
		workflowId,
		{
			channel: {
				nodeType: /\.omnidesk(Trigger)?$/,
				type: 'omnichannelOmnideskApi',
				id: ids.omnidesk,
				name: `Omnidesk ${ids.omnidesk}`,
			},
			selarti: { id: ids.selarti, name: `Selarti ${ids.selarti}` },
			taskId: ids.taskId,
		},
		(node) => {
			if (node.name === 'Hand over to humans') node.parameters.groupId = ids.humanGroupId;
		},
	);
}
