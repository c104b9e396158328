import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { forgetDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import { NodeHarness } from '../../../helpers';
import { describeHostileInput } from '../../../helpers/hostile-suite';
import { wazzupTrigger } from '../../../helpers/hostile-triggers';

describeHostileInput(
	wazzupTrigger,
	() =>
		new NodeHarness(new WazzupTrigger(), {
			parameters: wazzupTrigger.parameters as never,
			credentials: {
				omnichannelWazzupApi: { apiKey: 'hostile-wazzup-key', baseUrl: 'http://127.0.0.1:1' },
			},
			credentialTypes: [new OmnichannelWazzupApi()],
			workflow: { id: 'wfHostileInput01' },
			mode: 'webhook',
		}),
	forgetDeliveries,
);
