import { SelartiApi } from '../../../../credentials/SelartiApi.credentials';
import { AiTaskTrigger } from '../../../../nodes/AiTask/AiTaskTrigger.node';
import { resetTriggerMemory } from '../../../../nodes/AiTask/trigger/memory';
import { NodeHarness } from '../../../helpers';
import { describeHostileInput } from '../../../helpers/hostile-suite';
import { aiTaskTrigger, HOSTILE_KEYS } from '../../../helpers/hostile-triggers';

describeHostileInput(
	aiTaskTrigger,
	() =>
		new NodeHarness(new AiTaskTrigger(), {
			parameters: aiTaskTrigger.parameters as never,
			credentials: {
				selartiApi: { baseUrl: 'http://127.0.0.1:1/api/1.1', apiKey: HOSTILE_KEYS.selarti },
			},
			credentialTypes: [new SelartiApi()],
			workflow: { id: 'wfHostileInput01' },
			mode: 'webhook',
		}),
	resetTriggerMemory,
);
