import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * The API root for what the user typed: "mycompany" (an omnidesk.ru subdomain), a full domain
 * ("support.example.com", for a custom domain), or a full URL ("https://mycompany.omnidesk.ru" or
 * ".../api"; the tests point it at the fake this way). Always ends in "/api", without a slash.
 */
export function omnideskApiBase(domain: unknown): string {
	let value = String(domain ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (value === '') return '';
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
		value = value.includes('.') ? `https://${value}` : `https://${value}.omnidesk.ru`;
	}
	return /\/api$/i.test(value) ? value : `${value}/api`;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export class OmnichannelOmnideskApi implements ICredentialType {
	name = 'omnichannelOmnideskApi';

	displayName = 'Omnichannel AI Omnidesk API';

	icon: Icon = { light: 'file:../icons/omnidesk.svg', dark: 'file:../icons/omnidesk.dark.svg' };

	documentationUrl = 'https://github.com/omnichannel-ai/n8n-nodes-omnichannel-ai#omnidesk';

	properties: INodeProperties[] = [
		{
			displayName: 'Domain or Base URL',
			name: 'domain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'mycompany',
			description:
				'Your Omnidesk subdomain (mycompany for mycompany.omnidesk.ru), your own support domain, or a full API base URL such as https://mycompany.omnidesk.ru/api',
		},
		{
			displayName: 'Staff Email',
			name: 'staffEmail',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'bot@example.com',
			description:
				'Email of the staff member whose API key this is. Replies sent without another staff member are written as this person, so a dedicated "AI bot" staff account is best.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'In Omnidesk: Settings → API → API key of that staff member',
		},
	];

	/**
	 * HTTP Basic with the staff email and API key, on the account's API root. Nodes pass paths
	 * relative to /api ("/cases.json"); an absolute URL is left alone, without the key, so the
	 * key never goes to another host.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = String(requestOptions.url ?? '');
		if (ABSOLUTE_URL.test(url)) return requestOptions;
		return {
			...requestOptions,
			baseURL: omnideskApiBase(credentials.domain),
			url: `/${url.replace(/^\/+/, '')}`,
			auth: {
				username: String(credentials.staffEmail ?? '').trim(),
				password: String(credentials.apiKey ?? '').trim(),
			},
		};
	}

	// A one-item page of the staff list: cheap, and refused without a valid email and key.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/staff.json',
			qs: { limit: 1 },
		},
	};
}
