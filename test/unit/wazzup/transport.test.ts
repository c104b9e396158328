import { NodeApiError } from 'n8n-workflow';

import { wazzupApiBase, wazzupApiKey } from '../../../credentials/OmnichannelWazzupApi.credentials';
import { isRepeatedCrmMessageId, rateWindowOf } from '../../../nodes/Wazzup/transport';
import { DEFAULT_WAZZUP_KEY, FakeWazzup } from '../../fakes/wazzup';
import { useFakeProvider } from '../../helpers';
import { actionNode } from './support';

describe('Wazzup credential and transport', () => {
	const wazzup = useFakeProvider(
		new FakeWazzup({ sidecarKeys: ['sidecar-key'], apiKeys: [DEFAULT_WAZZUP_KEY, 'second-key'] }),
	);

	it('accepts a pasted "Bearer …" key and a Base URL with or without /v3', () => {
		expect(wazzupApiKey('  Bearer abc ')).toBe('abc');
		expect(wazzupApiBase('https://api.wazzup24.com/')).toBe('https://api.wazzup24.com/v3');
		expect(wazzupApiBase('http://127.0.0.1:1/v3/')).toBe('http://127.0.0.1:1/v3');
		expect(wazzupApiBase('')).toBe('https://api.wazzup24.com/v3');
	});

	it("the credential test lists channels; a wrong key fails with Wazzup's words", async () => {
		const node = actionNode(wazzup, {});
		expect(await node.testCredential('omnichannelWazzupApi')).toMatchObject({ status: 'OK' });
		expect(wazzup.lastRequest()?.path).toBe('/v3/channels');
		expect(wazzup.lastRequest()?.headers.authorization).toBe(`Bearer ${DEFAULT_WAZZUP_KEY}`);
		const pasted = await node.testCredential('omnichannelWazzupApi', {
			apiKey: `Bearer ${DEFAULT_WAZZUP_KEY}`,
			baseUrl: `${wazzup.url}/v3`,
		});
		expect(pasted).toMatchObject({ status: 'OK' });
		const wrong = await node.testCredential('omnichannelWazzupApi', {
			apiKey: 'nope',
			baseUrl: wazzup.url,
		});
		expect(wrong.status).toBe('Error');
	});

	it('a sidecar key that hits another route gets a 403 that says what a sidecar key can reach', async () => {
		const output = await actionNode(
			wazzup,
			{ resource: 'custom', operation: 'apiCall', method: 'GET', path: '/users' },
			{ apiKey: 'sidecar-key' },
		).execute([{ json: {} }], { continueOnFail: true });
		expect(output?.[0][0].json.error).toMatch(/Wazzup answered 403/);
		expect(String(output?.[0][0].json.description)).toMatch(/sidecar/);
		expect(JSON.stringify(output)).not.toContain('sidecar-key');
	});

	it('one rate window per API key: two credentials with the same key share it, another key has its own', async () => {
		const same1 = rateWindowOf({ apiKey: 'k1', requestsPerWindow: 3 });
		const same2 = rateWindowOf({ apiKey: 'Bearer k1', requestsPerWindow: 3 });
		const other = rateWindowOf({ apiKey: 'k2' });
		expect(same1.key).toBe(same2.key);
		expect(other.key).not.toBe(same1.key);
		expect(same1.key).not.toContain('k1');
		expect(same1).toMatchObject({ requests: 3, intervalMs: 5_000 });
		expect(other.requests).toBe(400);
		expect(rateWindowOf({ apiKey: 'k', requestsPerWindow: 9999 }).requests).toBe(500);
	});

	it('the window holds a burst back instead of hitting 429', async () => {
		wazzup.setRateLimit({ limit: 3, windowMs: 1_000 });
		const node = actionNode(
			wazzup,
			{ resource: 'channel', operation: 'getMany' },
			{ requestsPerWindow: 2 },
		);
		// Three runs of one request each: the third waits for the 5 s window of this key.
		await node.execute();
		await node.execute();
		let thirdSettled = false;
		const third = node.execute().finally(() => (thirdSettled = true));
		await new Promise((resolve) => setTimeout(resolve, 300));
		// Still held back, not refused: no third request, and the run has not ended.
		expect(wazzup.requestsTo('GET /v3/channels')).toHaveLength(2);
		expect(thirdSettled).toBe(false);
		wazzup.setRateLimit(false);
		// Not waiting 5 s in a unit test: the pending call is left to finish after the window.
		void third.catch(() => undefined);
	});

	it('recognises both spellings of the repeat refusal and nothing else', () => {
		const refusal = (error: string, status = 400) =>
			new NodeApiError(
				{ id: 'n', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} },
				{ httpCode: String(status), body: { error } },
				{ httpCode: String(status) },
			);
		expect(isRepeatedCrmMessageId(refusal('REPEATED_CRM_MESSAGE_ID'))).toBe(true);
		expect(isRepeatedCrmMessageId(refusal('repeatedCrmMessageId'))).toBe(true);
		expect(isRepeatedCrmMessageId(refusal('TOO_LONG_TEXT'))).toBe(false);
		expect(isRepeatedCrmMessageId(refusal('REPEATED_CRM_MESSAGE_ID', 500))).toBe(false);
	});
});
