import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OmnichannelWazzupApi } from '../../../credentials/OmnichannelWazzupApi.credentials';
import { Wazzup } from '../../../nodes/Wazzup/Wazzup.node';
import { DEFAULT_WAZZUP_CHANNELS, DEFAULT_WAZZUP_KEY, type FakeWazzup } from '../../fakes/wazzup';
import { NodeHarness } from '../../helpers';

export const WHATSAPP = DEFAULT_WAZZUP_CHANNELS[0];
export const WABA = DEFAULT_WAZZUP_CHANNELS[1];
export const TELEGRAM = DEFAULT_WAZZUP_CHANNELS[2];
export const INSTAGRAM_QR = DEFAULT_WAZZUP_CHANNELS[3];
export const CLIENT = '79011112233';
export const KEY = `wazzup:${WHATSAPP.channelId}:whatsapp:${CLIENT}`;

export function credentialsFor(wazzup: FakeWazzup, extra: Record<string, unknown> = {}) {
	return {
		omnichannelWazzupApi: {
			apiKey: DEFAULT_WAZZUP_KEY,
			baseUrl: wazzup.url,
			requestsPerWindow: 400,
			...extra,
		},
	};
}

let executions = 0;

/**
 * The Wazzup action node on the fake, Message → Send unless the parameters say otherwise. Each
 * harness is its own execution (its own crmMessageIds), as every run in n8n is.
 */
export function actionNode(
	wazzup: FakeWazzup,
	parameters: INodeParameters,
	credentials: Record<string, unknown> = {},
) {
	return new NodeHarness(new Wazzup(), {
		parameters: { resource: 'message', operation: 'send', ...parameters },
		credentials: credentialsFor(wazzup, credentials),
		credentialTypes: [new OmnichannelWazzupApi()],
		workflow: { id: 'wfWazzup00000001' },
		executionId: `execution-${++executions}`,
	});
}

/** An item as the Wazzup trigger or the AI Task Trigger emits it. */
export const conversationItem = (key = KEY): INodeExecutionData => ({
	json: { conversation: { key }, message: { text: 'Hi' } },
});
