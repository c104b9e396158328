import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { deriveWebhookToken } from '../../../../nodes/shared';
import { expectedToken } from '../../../../nodes/Wazzup/trigger/token';
import { seenDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import { buildWazzupMessage, buildWazzupWebhook } from '../../../fakes/wazzup';
import { NodeHarness } from '../../../helpers';

const TOKEN = 'manual-token-0123456789';

/** A Manual-mode trigger in its own workflow (Manual mode reads no credential per delivery). */
const triggerIn = (workflowId: string) =>
	new NodeHarness(new WazzupTrigger(), {
		parameters: { events: ['message'], registration: 'manual', urlToken: TOKEN },
		credentials: {
			omnichannelWazzupApi: { apiKey: 'k'.repeat(32), baseUrl: 'http://127.0.0.1:9' },
		},
		credentialTypes: [new OmnichannelWazzupApi()],
		workflow: { id: workflowId },
		staticData: {},
	});

beforeEach(() => seenDeliveries.clear());

describe('Wazzup Trigger: repeats are dropped per trigger', () => {
	it('starts a run in each of two workflows for the same message, and drops its repeat in each', async () => {
		const body = buildWazzupWebhook({ messages: [buildWazzupMessage()] });
		const runs = async (workflowId: string) =>
			(await triggerIn(workflowId).webhook({ body, query: { token: TOKEN } })).result.workflowData
				?.length ?? 0;
		expect(await runs('wfSales')).toBe(1);
		expect(await runs('wfSupport')).toBe(1);
		expect(await runs('wfSales')).toBe(0);
		expect(await runs('wfSupport')).toBe(0);
	});
});

describe('Wazzup Trigger: the Manual-mode token', () => {
	const context = (urlToken: unknown) => ({
		getCredentials: async () => ({}),
		getNodeParameter: (name: string) => (name === 'registration' ? 'manual' : urlToken),
		getWorkflow: () => ({ id: 'wf' }),
		getNode: () => ({ id: 'node' }),
	});

	it.each([
		['16 characters', 'a'.repeat(16)],
		['letters, digits, "-" and "_"', 'Ab0-_Ab0-_Ab0-_Ab0'],
		['surrounding spaces (trimmed)', `  ${'a'.repeat(16)}  `],
	])('accepts %s', async (_label, token) => {
		await expect(expectedToken(context(token))).resolves.toBe(token.trim());
	});

	it.each([
		['15 characters', 'a'.repeat(15)],
		['a character outside the alphabet at the start', `!${'a'.repeat(16)}`],
		['a character outside the alphabet at the end', `${'a'.repeat(16)}!`],
		['an empty field', undefined],
	])('refuses %s, naming the field and the fix', async (_label, token) => {
		await expect(expectedToken(context(token))).rejects.toThrow(
			'URL Token must be at least 16 letters, digits, "-" or "_".',
		);
	});

	it('in automatic mode is derived from the API key for this workflow and node only', async () => {
		const automatic = {
			getCredentials: async () => ({ apiKey: 'k'.repeat(32) }),
			getNodeParameter: (_name: string, fallback?: unknown) => fallback,
			getWorkflow: () => ({ id: 'wf1' }),
			getNode: () => ({ id: 'node1' }),
		};
		await expect(expectedToken(automatic)).resolves.toBe(
			deriveWebhookToken('k'.repeat(32), 'wazzup-webhook', 'wf1', 'node1'),
		);
	});
});
