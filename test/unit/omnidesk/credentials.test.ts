import {
	OmnichannelOmnideskApi,
	omnideskApiBase,
} from '../../../credentials/OmnichannelOmnideskApi.credentials';
import { Omnidesk } from '../../../nodes/Omnidesk/Omnidesk.node';
import { omnideskHarness, useOmnidesk } from './setup';

describe('Omnidesk credential', () => {
	const desk = useOmnidesk();

	it.each([
		['mycompany', 'https://mycompany.omnidesk.ru/api'],
		[' mycompany.omnidesk.ru/ ', 'https://mycompany.omnidesk.ru/api'],
		['support.example.com', 'https://support.example.com/api'],
		['https://mycompany.omnidesk.ru', 'https://mycompany.omnidesk.ru/api'],
		['https://mycompany.omnidesk.ru/api/', 'https://mycompany.omnidesk.ru/api'],
		['http://127.0.0.1:4000/api', 'http://127.0.0.1:4000/api'],
	])('reads "%s" as the API root %s', (domain, base) => {
		expect(omnideskApiBase(domain)).toBe(base);
	});

	it('sends HTTP Basic (staff email, API key) on relative paths only', async () => {
		const credential = new OmnichannelOmnideskApi();
		const data = { domain: 'acme', staffEmail: 'bot@acme.test', apiKey: 'k' };
		expect(await credential.authenticate(data, { url: '/cases.json' })).toMatchObject({
			baseURL: 'https://acme.omnidesk.ru/api',
			url: '/cases.json',
			auth: { username: 'bot@acme.test', password: 'k' },
		});
		const elsewhere = await credential.authenticate(data, { url: 'https://files.example/x.pdf' });
		expect(elsewhere).toEqual({ url: 'https://files.example/x.pdf' });
	});

	it('tests with one cheap authenticated GET: OK for good keys, an error for a wrong one', async () => {
		const harness = omnideskHarness(desk, new Omnidesk(), {});
		expect(await harness.testCredential('omnichannelOmnideskApi')).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const tests = desk.requests.filter((request) => request.path === '/api/staff.json');
		expect(tests).toHaveLength(1);
		expect(tests[0].query.limit).toBe('1');
		const wrong = await harness.testCredential('omnichannelOmnideskApi', {
			domain: desk.apiBaseUrl,
			staffEmail: desk.staffEmail,
			apiKey: 'wrong',
		});
		expect(wrong.status).toBe('Error');
	});
});
