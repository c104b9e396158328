import { httpRequest, type HttpResponse } from './http';

/** The owner account every instance gets on first use of the REST or public API. Not a secret: loopback only. */
export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2eTestPassw0rd',
} as const;

export interface OwnerSession {
	/** `n8n-auth=…`, for the internal /rest API. */
	cookie: string;
	/** For the public /api/v1 API. */
	apiKey: string;
}

function expectOk(response: HttpResponse, what: string): void {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${what} failed: HTTP ${response.status} ${response.text.slice(0, 500)}`);
	}
}

function authCookie(response: HttpResponse): string {
	const cookies = response.headers['set-cookie'] ?? [];
	const auth = cookies
		.map((cookie) => cookie.split(';')[0])
		.find((cookie) => cookie.startsWith('n8n-auth='));
	if (!auth)
		throw new Error(
			`owner setup returned no n8n-auth cookie (headers: ${JSON.stringify(response.headers)})`,
		);
	return auth;
}

/**
 * Creates the instance owner (a fresh instance has none), then an API key with every scope.
 * Owner setup also logs us in: its response sets the auth cookie.
 */
export async function createOwnerSession(baseUrl: string): Promise<OwnerSession> {
	const setup = await httpRequest({
		method: 'POST',
		url: `${baseUrl}/rest/owner/setup`,
		body: OWNER,
	});
	expectOk(setup, 'owner setup');
	const cookie = authCookie(setup);

	const scopes = await httpRequest({
		method: 'GET',
		url: `${baseUrl}/rest/api-keys/scopes`,
		headers: { cookie },
	});
	expectOk(scopes, 'listing API key scopes');
	const created = await httpRequest({
		method: 'POST',
		url: `${baseUrl}/rest/api-keys`,
		headers: { cookie },
		body: { label: 'e2e', expiresAt: null, scopes: (scopes.body as { data: string[] }).data },
	});
	expectOk(created, 'creating an API key');
	const apiKey = (created.body as { data: { rawApiKey: string } }).data.rawApiKey;
	return { cookie, apiKey };
}
