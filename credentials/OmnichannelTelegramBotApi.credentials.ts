import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const TELEGRAM_DEFAULT_BASE_URL = 'https://api.telegram.org';

/**
 * Where a Bot API call goes. Nodes pass a URL relative to the bot (`/sendMessage`, or
 * `/file/<file_path>` for downloads) and never see the token: it is put into the path here,
 * as Telegram wants it (`<base>/bot<token>/<method>`, `<base>/file/bot<token>/<path>`).
 * An absolute URL is left alone so the token can never be sent to another host.
 */
export function telegramUrl(baseUrl: string, token: string, relativeUrl: string): string {
	const base = (baseUrl || TELEGRAM_DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	const path = relativeUrl.replace(/^\/+/, '');
	if (path.startsWith('file/')) return `${base}/file/bot${token}/${path.slice('file/'.length)}`;
	return `${base}/bot${token}/${path}`;
}

export class OmnichannelTelegramBotApi implements ICredentialType {
	name = 'omnichannelTelegramBotApi';

	displayName = 'Omnichannel AI Telegram Bot API';

	icon: Icon = { light: 'file:../icons/telegram.svg', dark: 'file:../icons/telegram.dark.svg' };

	documentationUrl = 'https://core.telegram.org/bots/features#botfather';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: '123456789:AAH...',
			description: 'The bot token that @BotFather gave you when you created the bot',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: TELEGRAM_DEFAULT_BASE_URL,
			description:
				'Change only for a self-hosted Bot API server (telegram-bot-api) or a test server',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = String(requestOptions.url ?? '');
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return requestOptions;
		return {
			...requestOptions,
			baseURL: undefined,
			url: telegramUrl(
				String(credentials.baseUrl ?? ''),
				String(credentials.accessToken ?? '').trim(),
				url,
			),
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/getMe',
		},
	};
}
