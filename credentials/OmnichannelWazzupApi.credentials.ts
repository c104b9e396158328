import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const WAZZUP_DEFAULT_BASE_URL = 'https://api.wazzup24.com';

/** Wazzup's own limit is 500 requests per 5 s per account; we leave room for other processes. */
export const WAZZUP_DEFAULT_REQUESTS_PER_WINDOW = 400;

/** The key as pasted: "Bearer abc…" and surrounding spaces are accepted. */
export function wazzupApiKey(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/^Bearer\s+/i, '')
		.trim();
}

/** "<base>/v3" whether the Base URL was given with or without "/v3" and trailing slashes. */
export function wazzupApiBase(baseUrl: unknown): string {
	const base = String(baseUrl ?? '').trim() || WAZZUP_DEFAULT_BASE_URL;
	return `${base.replace(/\/+$/, '').replace(/\/v3$/i, '')}/v3`;
}

export class OmnichannelWazzupApi implements ICredentialType {
	// "wazzupApi" is taken by another public package: prefixed so both can be installed.
	name = 'omnichannelWazzupApi';

	displayName = 'Omnichannel AI Wazzup API';

	icon: Icon = { light: 'file:../icons/wazzup.svg', dark: 'file:../icons/wazzup.dark.svg' };

	documentationUrl = 'https://wazzup24.com/help/api-en/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From Wazzup: Integrations → API. A key copied with its "Bearer " prefix works too.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WAZZUP_DEFAULT_BASE_URL,
			description: 'Change only to reach a test server',
		},
		{
			displayName: 'Requests per 5 Seconds',
			name: 'requestsPerWindow',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: WAZZUP_DEFAULT_REQUESTS_PER_WINDOW,
			description:
				"How many requests one n8n process makes with this key in 5 seconds. Wazzup allows 500 per account; lower it when several n8n processes or other programs share the key. Wazzup's 429 is waited out either way.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = String(requestOptions.url ?? '');
		// Only relative URLs go to the credential's own API: the key never leaves for another host.
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return requestOptions;
		return {
			...requestOptions,
			baseURL: wazzupApiBase(credentials.baseUrl),
			headers: {
				...(requestOptions.headers ?? {}),
				Authorization: `Bearer ${wazzupApiKey(credentials.apiKey)}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/channels',
		},
	};
}
