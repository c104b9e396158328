import { OmnichannelOmnideskApi } from '../../../../credentials/OmnichannelOmnideskApi.credentials';
import { OmnideskTrigger } from '../../../../nodes/Omnidesk/OmnideskTrigger.node';
import { resetTriggerMemory, STORED_MESSAGES } from '../../../../nodes/Omnidesk/trigger/memory';
import { NodeHarness } from '../../../helpers';
import { HOSTILE_KEYS, omnideskTrigger } from '../../../helpers/hostile-triggers';
import { describeSharedDedupe } from '../../../helpers/shared-dedupe-suite';

describeSharedDedupe(
	omnideskTrigger,
	(staticData, mode) =>
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
			workflow: { id: 'wfSharedDedupe01' },
			staticData,
			mode,
		}),
	resetTriggerMemory,
	STORED_MESSAGES.field,
);
