import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** 360dialog's hosts per API variant (api-reference §4.1). */
export const DIALOG360_HOSTS = {
	cloud: 'https://waba-v2.360dialog.io',
	onpremise: 'https://waba.360dialog.io',
	sandbox: 'https://waba-sandbox.360dialog.io',
} as const;

export type Dialog360ApiVariant = keyof typeof DIALOG360_HOSTS;

/** The host calls go to: the Base URL override, or the variant's own host. */
export function dialog360BaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override) return override.replace(/\/+$/, '');
	const variant = String(credentials.apiVariant ?? 'cloud') as Dialog360ApiVariant;
	return DIALOG360_HOSTS[variant] ?? DIALOG360_HOSTS.cloud;
}

export class Omnichannel360DialogApi implements ICredentialType {
	name = 'omnichannel360DialogApi';

	displayName = 'Omnichannel AI 360dialog API';

	icon: Icon = { light: 'file:../icons/dialog360.svg', dark: 'file:../icons/dialog360.dark.svg' };

	documentationUrl = 'https://docs.360dialog.com/docs/waba-basics/the-basics-overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The D360-API-KEY of one WhatsApp number, from the 360dialog Client Hub (one key per number)',
		},
		{
			displayName: 'API Variant',
			name: 'apiVariant',
			type: 'options',
			options: [
				{
					name: 'Cloud API',
					value: 'cloud',
					description: 'Host waba-v2.360dialog.io, the standard for every new number',
				},
				{
					name: 'On-Premise',
					value: 'onpremise',
					description: 'Host waba.360dialog.io, the legacy API',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'Host waba-sandbox.360dialog.io, for tests with your own number',
				},
			],
			default: 'cloud',
			description: 'Which 360dialog API the key belongs to. It decides the paths and body shape.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://waba-v2.360dialog.io',
			description:
				"Leave empty to use the variant's host. Set it only for a proxy or a test server; the API Variant still decides the paths.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = String(requestOptions.url ?? '');
		// An absolute URL is left without the key, so the key never goes to another host.
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return requestOptions;
		return {
			...requestOptions,
			baseURL: undefined,
			url: `${dialog360BaseUrl(credentials)}/${url.replace(/^\/+/, '')}`,
			headers: {
				...(requestOptions.headers ?? {}),
				'D360-API-KEY': String(credentials.apiKey ?? '').trim(),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/v1/configs/webhook',
		},
	};
}
