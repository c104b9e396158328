import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { OmnichannelOmnideskApi } from '../../../credentials/OmnichannelOmnideskApi.credentials';
import { resetCallsLeft } from '../../../nodes/Omnidesk/helpers/callsLeft';
import { DEFAULT_API_KEY, FakeOmnidesk } from '../../fakes/omnidesk';
import { NodeHarness, useFakeProvider, type NodeHarnessOptions } from '../../helpers';

/** The fake for one test file, reset (with the per-process "calls left" memory) before each test. */
export function useOmnidesk(fake = new FakeOmnidesk({ rateLimitPerMinute: false })): FakeOmnidesk {
	useFakeProvider(fake);
	beforeEach(() => resetCallsLeft());
	return fake;
}

export function omnideskHarness(
	desk: FakeOmnidesk,
	node: INodeType,
	parameters: Record<string, unknown>,
	options: NodeHarnessOptions = {},
): NodeHarness {
	return new NodeHarness(node, {
		parameters: parameters as NodeHarnessOptions['parameters'],
		credentials: {
			omnichannelOmnideskApi: {
				domain: desk.apiBaseUrl,
				staffEmail: desk.staffEmail,
				apiKey: DEFAULT_API_KEY,
			},
		},
		credentialTypes: [new OmnichannelOmnideskApi()],
		...options,
	});
}

/** A real body from test/fixtures/omnidesk (copies of ../shared/fixtures/omnidesk). */
export function fixture<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(
		readFileSync(path.join(__dirname, '../../fixtures/omnidesk', `${name}.json`), 'utf8'),
	) as T;
}
