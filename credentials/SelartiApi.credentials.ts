import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** The Base URL without trailing slashes, so "<base>/wf/…" never has a double slash. */
function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

/**
 * A refused token exchange as an error that says what to fix. Deliberately without the HTTP
 * status: n8n would replace the message by its generic "Authorization failed" text, which is what
 * the credential test and the node would then show.
 */
function authFailure(error: unknown, url: string): Error {
	const response = (error as { response?: { status?: number; data?: unknown } }).response;
	if (!response?.status) return error instanceof Error ? error : new Error(String(error));
	const data = response.data as { message?: unknown; body?: { message?: unknown } } | undefined;
	const said = [data?.body?.message, data?.message].find((m) => typeof m === 'string' && m !== '');
	const quoted = said ? ` "${String(said)}"` : '';
	if (response.status === 401 || response.status === 403 || response.status === 400) {
		return new Error(
			`Selarti rejected the API key (POST /wf/auth answered ${response.status}${quoted}): copy the key again from the Selarti panel (avatar → Get API key)`,
		);
	}
	if (response.status === 404) {
		return new Error(
			`No Selarti auth endpoint at ${url} (404): the Base URL should look like https://selarti.com/api/1.1`,
		);
	}
	return new Error(
		`Selarti could not issue a session token (POST /wf/auth answered ${response.status}${quoted})`,
	);
}

/**
 * Selarti's workflow API (/api/1.1/wf/…) wants a bearer token obtained from POST /wf/auth with
 * the API key. The token is kept in an `expirable` hidden property: n8n fetches it on first use,
 * stores it with the credential (so every queue-mode process shares it) and fetches a new one
 * when a request answers 401. No token cache of our own.
 */
export class SelartiApi implements ICredentialType {
	name = 'selartiApi';

	displayName = 'Selarti API';

	icon: Icon = { light: 'file:../icons/selarti.svg', dark: 'file:../icons/selarti.dark.svg' };

	documentationUrl = 'https://github.com/omnichannel-ai/n8n-nodes-omnichannel-ai#selarti-ai-task';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://selarti.com/api/1.1',
			description: 'Root of the Selarti workflow API, without the trailing "/wf"',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'In the Selarti panel: click your avatar → "Get API key"; Selarti sends the key to you in Telegram',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const url = `${baseUrlOf(credentials)}/wf/auth`;
		let answer: { response?: { token?: unknown } } | undefined;
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body: { key: credentials.apiKey },
				json: true,
			})) as typeof answer;
		} catch (error) {
			throw authFailure(error, url);
		}
		const token = answer?.response?.token;
		if (typeof token !== 'string' || token === '') {
			throw new Error(
				`Selarti answered ${url} without a token (expected {"response":{"token":…}}): check the Base URL of the Selarti API credential`,
			);
		}
		return { sessionToken: token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.sessionToken}}',
			},
		},
	};

	// The auth call itself: a wrong key fails here with Selarti's own 401, reported by the rule below.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/wf/auth',
			method: 'POST',
			body: { key: '={{$credentials.apiKey}}' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Selarti rejected the API key: copy it again from the Selarti panel (avatar → Get API key)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Selarti auth endpoint at this Base URL: it should look like https://selarti.com/api/1.1',
				},
			},
		],
	};
}
