import type { INodeParameters } from 'n8n-workflow';

import { OmnichannelWazzupApi } from '../../../../credentials/OmnichannelWazzupApi.credentials';
import { WazzupTrigger } from '../../../../nodes/Wazzup/WazzupTrigger.node';
import { seenDeliveries } from '../../../../nodes/Wazzup/trigger/items';
import {
	buildWazzupChannelUpdate,
	buildWazzupStatus,
	buildWazzupWebhook,
} from '../../../fakes/wazzup';
import { NodeHarness } from '../../../helpers';

const TOKEN = 'manual-token-0123456789';

/** The items one delivery starts a run with (none: no run) for a Manual-mode trigger. */
async function itemsFor(parameters: INodeParameters, body: object) {
	const node = new NodeHarness(new WazzupTrigger(), {
		parameters: { registration: 'manual', urlToken: TOKEN, ...parameters },
		credentials: {
			omnichannelWazzupApi: { apiKey: 'k'.repeat(32), baseUrl: 'http://127.0.0.1:9' },
		},
		credentialTypes: [new OmnichannelWazzupApi()],
		workflow: { id: 'wfItems' },
		staticData: {},
	});
	const { result } = await node.webhook({ body, query: { token: TOKEN } });
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

beforeEach(() => seenDeliveries.clear());

describe('Wazzup Trigger: statuses and channel updates', () => {
	it("drops a repeated status, but not the message's next status", async () => {
		const sent = buildWazzupStatus({ messageId: 'm-1', status: 'sent' });
		const delivered = buildWazzupStatus({ messageId: 'm-1', status: 'delivered' });
		const statusOf = async (status: Record<string, unknown>) =>
			(await itemsFor({ events: ['status'] }, buildWazzupWebhook({ statuses: [status] }))).map(
				(item) => (item.status as { status: string }).status,
			);
		expect(await statusOf(sent)).toEqual(['sent']);
		expect(await statusOf(sent)).toEqual([]);
		expect(await statusOf(delivered)).toEqual(['delivered']);
	});

	it('gives a status its message id, status and date', async () => {
		const status = buildWazzupStatus({ messageId: 'm-2', status: 'read' });
		const [item] = await itemsFor(
			{ events: ['status'] },
			buildWazzupWebhook({ statuses: [status] }),
		);
		expect(item.status).toEqual({
			messageId: 'm-2',
			status: 'read',
			date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
	});

	it('starts nothing for statuses or channel updates when only messages are chosen', async () => {
		const body = buildWazzupWebhook({
			statuses: [buildWazzupStatus()],
			channelsUpdates: [buildWazzupChannelUpdate()],
		});
		expect(await itemsFor({ events: ['message'] }, body)).toEqual([]);
	});

	it('keeps only the chosen channels for channel updates too, with their id and state', async () => {
		const body = buildWazzupWebhook({
			channelsUpdates: [
				buildWazzupChannelUpdate({ channelId: 'chosen', state: 'active' }),
				buildWazzupChannelUpdate({ channelId: 'other' }),
			],
		});
		const items = await itemsFor({ events: ['channel'], channelIds: 'chosen' }, body);
		expect(items.map((item) => item.channel)).toEqual([{ channelId: 'chosen', state: 'active' }]);
	});
});
