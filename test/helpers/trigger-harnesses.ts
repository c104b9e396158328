import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { Omnichannel360DialogApi } from '../../credentials/Omnichannel360DialogApi.credentials';
import { OmnichannelOmnideskApi } from '../../credentials/OmnichannelOmnideskApi.credentials';
import { Dialog360Trigger } from '../../nodes/Dialog360/Dialog360Trigger.node';
import { OmnideskTrigger } from '../../nodes/Omnidesk/OmnideskTrigger.node';
import { dialog360Trigger, HOSTILE_KEYS, omnideskTrigger } from './hostile-triggers';
import { NodeHarness } from './node-harness';

/**
 * The 360dialog and Omnidesk triggers as the hostile-input and shared-dedupe suites drive them:
 * the suites' parameters and keys, credentials pointing nowhere (webhook() calls no provider).
 */
interface TriggerHarnessOptions {
	workflowId: string;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export const dialog360TriggerHarness = ({ workflowId, staticData, mode }: TriggerHarnessOptions) =>
	new NodeHarness(new Dialog360Trigger(), {
		parameters: dialog360Trigger.parameters as never,
		credentials: {
			omnichannel360DialogApi: {
				apiKey: HOSTILE_KEYS.dialog360ApiKey,
				apiVariant: 'cloud',
				baseUrl: 'http://127.0.0.1:1',
			},
		},
		credentialTypes: [new Omnichannel360DialogApi()],
		workflow: { id: workflowId },
		staticData,
		mode: mode ?? 'webhook',
	});

export const omnideskTriggerHarness = ({ workflowId, staticData, mode }: TriggerHarnessOptions) =>
	new NodeHarness(new OmnideskTrigger(), {
		parameters: omnideskTrigger.parameters as never,
		credentials: {
			// The last-message check is off: webhook() never calls Omnidesk here.
			omnichannelOmnideskApi: {
				domain: 'http://127.0.0.1:1/api',
				staffEmail: 'bot@example.com',
				apiKey: HOSTILE_KEYS.omnidesk,
			},
		},
		credentialTypes: [new OmnichannelOmnideskApi()],
		workflow: { id: workflowId },
		staticData,
		mode: mode ?? 'webhook',
	});
