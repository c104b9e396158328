import { Omnichannel360DialogApi } from '../../../../credentials/Omnichannel360DialogApi.credentials';
import { Dialog360Trigger } from '../../../../nodes/Dialog360/Dialog360Trigger.node';
import { forgetDeliveries } from '../../../../nodes/Dialog360/trigger/pipeline';
import { NodeHarness } from '../../../helpers';
import { describeHostileInput } from '../../../helpers/hostile-suite';
import { dialog360Trigger, HOSTILE_KEYS } from '../../../helpers/hostile-triggers';

describeHostileInput(
	dialog360Trigger,
	() =>
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
			workflow: { id: 'wfHostileInput01' },
			mode: 'webhook',
		}),
	forgetDeliveries,
);
