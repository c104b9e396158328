import { Omnichannel360DialogApi } from '../../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360Trigger } from '../../../../nodes/Dialog360/Dialog360Trigger.node';
import { forgetDeliveries, STORED_DELIVERIES } from '../../../../nodes/Dialog360/trigger/pipeline';
import { NodeHarness } from '../../../helpers';
import { dialog360Trigger, HOSTILE_KEYS } from '../../../helpers/hostile-triggers';
import { describeSharedDedupe } from '../../../helpers/shared-dedupe-suite';

describeSharedDedupe(
	dialog360Trigger,
	(staticData, mode) =>
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
			workflow: { id: 'wfSharedDedupe01' },
			staticData,
			mode,
		}),
	forgetDeliveries,
	STORED_DELIVERIES.field,
);
