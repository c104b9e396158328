import { OmnichannelTelegramBotApi } from '../../../../credentials/OmnichannelTelegramBotApi.credentials';
import { TelegramBotTrigger } from '../../../../nodes/TelegramBot/TelegramBotTrigger.node';
import { NodeHarness } from '../../../helpers';
import { describeHostileInput } from '../../../helpers/hostile-suite';
import { HOSTILE_KEYS, telegramBotTrigger } from '../../../helpers/hostile-triggers';

describeHostileInput(
	telegramBotTrigger,
	() =>
		new NodeHarness(new TelegramBotTrigger(), {
			parameters: telegramBotTrigger.parameters as never,
			credentials: {
				// webhook() never calls the Bot API (no downloads): nothing listens here.
				omnichannelTelegramBotApi: {
					accessToken: HOSTILE_KEYS.telegram,
					baseUrl: 'http://127.0.0.1:1',
				},
			},
			credentialTypes: [new OmnichannelTelegramBotApi()],
			workflow: { id: 'wfHostileInput01' },
			mode: 'webhook',
		}),
	() => undefined,
);
