/**
 * The credential "Test" buttons inside a real n8n (the editor calls POST /rest/credentials/test):
 * a good key or token passes, a wrong one fails with a message that says what to fix (issue 3:
 * "reports a wrong key clearly"; issue 4: Test button = getMe). Values typed into the form
 * override the stored ones, as in the editor.
 */
import { FakeSelarti } from '../fakes/selarti';
import { FakeTelegram } from '../fakes/telegram';
import { FakeWazzup } from '../fakes/wazzup';
import { N8nInstance, n8nMajor } from './harness';

const SELARTI = { id: 'credTestSelarti1', name: 'Selarti (fake)', type: 'selartiApi' };
const TELEGRAM = {
	id: 'credTestTelegrm1',
	name: 'Telegram (fake)',
	type: 'omnichannelTelegramBotApi',
};
const BOT_TOKEN = '444444444:AAcredentialTestBotToken_0000000000';
const WAZZUP = { id: 'credTestWazzup01', name: 'Wazzup (fake)', type: 'omnichannelWazzupApi' };
const WAZZUP_KEY = 'credential-test-wazzup-key';

interface TestAnswer {
	status: string;
	message: string;
}

describe('credential Test buttons in a real n8n', () => {
	const selarti = new FakeSelarti();
	const telegram = new FakeTelegram({ tokens: [BOT_TOKEN] });
	const wazzup = new FakeWazzup({ apiKeys: [WAZZUP_KEY] });
	let n8n: N8nInstance;

	const testCredential = async (
		credential: { id: string; name: string; type: string },
		data: Record<string, unknown>,
	): Promise<TestAnswer> => {
		const response = await n8n.rest('POST', '/credentials/test', {
			credentials: { ...credential, data },
		});
		expect(response.status).toBe(200);
		return (response.body as { data: TestAnswer }).data;
	};

	beforeAll(async () => {
		await Promise.all([selarti.start(), telegram.start(), wazzup.start()]);
		n8n = await N8nInstance.create({ name: 'credentials' });
		await n8n.importCredentials([
			{
				...SELARTI,
				data: { baseUrl: selarti.apiBaseUrl, apiKey: 'test-selarti-key', sessionToken: '' },
			},
			{ ...TELEGRAM, data: { accessToken: BOT_TOKEN, baseUrl: telegram.apiBaseUrl } },
			{ ...WAZZUP, data: { apiKey: WAZZUP_KEY, baseUrl: wazzup.url, requestsPerWindow: 400 } },
		]);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.stop();
		await Promise.all([selarti.stop(), telegram.stop(), wazzup.stop()]);
	});

	it('Selarti API: the right key passes, a wrong key is reported as such', async () => {
		const good = await testCredential(SELARTI, {
			baseUrl: selarti.apiBaseUrl,
			apiKey: 'test-selarti-key',
		});
		const wrong = await testCredential(SELARTI, {
			baseUrl: selarti.apiBaseUrl,
			apiKey: 'not-the-key',
		});
		const badUrl = await testCredential(SELARTI, {
			baseUrl: `${selarti.url}/nothing-here`,
			apiKey: 'test-selarti-key',
		});
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^Selarti rejected the API key .*401.*avatar → Get API key/);
		expect(wrong.message).not.toContain('not-the-key');
		expect(badUrl.status).toBe('Error');
		expect(badUrl.message).toMatch(/Base URL should look like https:\/\/selarti\.com\/api\/1\.1/);
		expect(selarti.requestsTo('POST /api/1.1/wf/auth').length).toBeGreaterThanOrEqual(2);
	});

	it('Telegram Bot API: getMe passes with the right token, a wrong token is reported as such', async () => {
		const good = await testCredential(TELEGRAM, {
			accessToken: BOT_TOKEN,
			baseUrl: telegram.apiBaseUrl,
		});
		const wrong = await testCredential(TELEGRAM, {
			accessToken: '444444444:wrong',
			baseUrl: telegram.apiBaseUrl,
		});
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		// n8n's tester answers every 401 before any credential rule applies: 1.x with its own
		// wording, 2.x with Telegram's description of the 401.
		expect(wrong).toEqual({
			status: 'Error',
			message:
				n8nMajor() === 1 ? 'Authorization failed - please check your credentials' : 'Unauthorized',
		});
		expect(JSON.stringify(wrong)).not.toContain('444444444:wrong');
		expect(telegram.requests.some((r) => r.path.endsWith('/getMe'))).toBe(true);
	});

	it('Wazzup API: GET /v3/channels passes with the right key (also pasted as "Bearer …"), a wrong key fails', async () => {
		const good = await testCredential(WAZZUP, { apiKey: WAZZUP_KEY, baseUrl: wazzup.url });
		const pasted = await testCredential(WAZZUP, {
			apiKey: `Bearer ${WAZZUP_KEY}`,
			baseUrl: `${wazzup.url}/v3/`,
		});
		const wrong = await testCredential(WAZZUP, { apiKey: 'not-the-key', baseUrl: wazzup.url });
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(pasted).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(wrong.status).toBe('Error');
		expect(JSON.stringify(wrong)).not.toContain('not-the-key');
		expect(wazzup.requestsTo('GET /v3/channels').length).toBeGreaterThanOrEqual(3);
	});
});
