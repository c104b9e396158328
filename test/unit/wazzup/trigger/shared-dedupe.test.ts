import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { deliveries, forgetDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import { NodeHarness } from '../../../helpers';
import { wazzupTrigger } from '../../../helpers/hostile-triggers';
import { describeSharedDedupe } from '../../../helpers/shared-dedupe-suite';

describeSharedDedupe(
	wazzupTrigger,
	(staticData, mode) =>
		new NodeHarness(new WazzupTrigger(), {
			parameters: wazzupTrigger.parameters as never,
			credentials: {
				omnichannelWazzupApi: { apiKey: 'hostile-wazzup-key', baseUrl: 'http://127.0.0.1:1' },
			},
			credentialTypes: [new OmnichannelWazzupApi()],
			workflow: { id: 'wfSharedDedupe01' },
			staticData,
			mode,
		}),
	forgetDeliveries,
	deliveries.stored.field,
);
