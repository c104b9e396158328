/**
 * Benchmark (issue 9): N messages sent through the Wazzup action node against the fake Wazzup
 * while it answers some requests with a 5xx or drops the connection, both before it processed a
 * send and after (the message went out, the answer was lost). Counted by what the fake really
 * sent: delivered, lost, duplicated. Expected N / 0 / 0.
 *
 * Beside it, the same traffic and faults through a model of n8n's own answer to failed requests:
 * the HTTP Request node with "Retry On Fail" (3 tries, 1 s apart). n8n retries a failed node by
 * running it again for all its items, and the request carries no idempotency key, so every
 * retry re-sends the items that had already gone out. It is a model (plain fetch with n8n's retry
 * rule), not n8n's code: n8n-nodes-base is not a dependency of this repository.
 *
 * Run with `npm run bench` (scripts/bench/wazzup-send.js); `--messages=200` for a short run.
 */
import { OmnichannelWazzupApi } from '../../credentials/OmnichannelWazzupApi.credentials';
import { resetRateLimits } from '../../nodes/shared';
import { Wazzup } from '../../nodes/Wazzup/Wazzup.node';
import { faults } from '../fakes/fake-server';
import { DEFAULT_WAZZUP_CHANNELS, DEFAULT_WAZZUP_KEY, FakeWazzup } from '../fakes/wazzup';
import { NodeHarness } from '../helpers';
import { seededRandom } from '../helpers/seeded-random';

const CHANNEL = DEFAULT_WAZZUP_CHANNELS[0];

export interface BenchOptions {
	messages: number;
	/** Executions running at once (n8n runs one per incoming message or batch). */
	executions: number;
	/** Chance of each of the four faults per request. */
	faultRate: number;
	/** The credential's "Requests per 5 Seconds". */
	requestsPerWindow: number;
	seed: number;
}

export interface BenchResult {
	delivered: number;
	lost: number;
	duplicated: number;
	wallMs: number;
	requests: number;
	injected: Record<string, number>;
	failedItems: number;
}

/** A fake Wazzup that injects the four faults at random, counting them. */
async function faultyWazzup(options: BenchOptions) {
	const fake = new FakeWazzup({ maxRecorded: options.messages * 4 });
	await fake.start();
	const next = seededRandom(options.seed);
	const injected = { '5xx before': 0, 'drop before': 0, '5xx after': 0, 'drop after': 0 };
	const isSend = (r: { method: string; path: string }) =>
		r.method === 'POST' && r.path === '/v3/message';
	const before = (kind: '5xx before' | 'drop before') => (r: { method: string; path: string }) => {
		if (!isSend(r) || next() >= options.faultRate) return false;
		injected[kind]++;
		return true;
	};
	fake.failNext(before('5xx before'), faults.respond(503, { error: 'UNAVAILABLE' }), Infinity);
	fake.failNext(before('drop before'), faults.drop(), Infinity);
	fake.afterSendFaultPicker = () => {
		const roll = next();
		if (roll < options.faultRate) return (injected['5xx after']++, '5xx');
		if (roll < 2 * options.faultRate) return (injected['drop after']++, 'drop');
		return undefined;
	};
	return { fake, injected };
}

/**
 * What a run reports, ours and the model alike (so the two rows are counted the same way):
 * delivered / lost / duplicated from what the fake really sent, not from what the sender believes.
 */
function resultOf(
	fake: FakeWazzup,
	texts: string[],
	run: { started: number; injected: Record<string, number>; failedItems: number },
): BenchResult {
	const wanted = new Set(texts);
	const seen = new Map<string, number>();
	for (const message of fake.sent) {
		if (message.text && wanted.has(message.text)) {
			seen.set(message.text, (seen.get(message.text) ?? 0) + 1);
		}
	}
	const delivered = seen.size;
	const duplicated = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
	return {
		delivered,
		lost: texts.length - delivered,
		duplicated,
		wallMs: Date.now() - run.started,
		requests: fake.requestsTo('POST /v3/message').length,
		injected: run.injected,
		failedItems: run.failedItems,
	};
}

const textsOf = (options: BenchOptions) =>
	Array.from({ length: options.messages }, (_, i) => `bench message ${i + 1}`);

/** Our node: `executions` runs at once, each with its share of the messages as items. */
export async function runOurs(options: BenchOptions): Promise<BenchResult> {
	resetRateLimits();
	const { fake, injected } = await faultyWazzup(options);
	const texts = textsOf(options);
	const share = Math.ceil(texts.length / options.executions);
	const started = Date.now();
	try {
		const outputs = await Promise.all(
			Array.from({ length: options.executions }, async (_, run) => {
				const items = texts.slice(run * share, (run + 1) * share).map((text, i) => ({
					json: { text, chat: String(79000000000 + run * share + i) },
				}));
				const node = new NodeHarness(new Wazzup(), {
					parameters: {
						resource: 'message',
						operation: 'send',
						chatId: `={{ "wazzup:${CHANNEL.channelId}:whatsapp:" + $json.chat }}`,
						text: '={{ $json.text }}',
					},
					credentials: {
						omnichannelWazzupApi: {
							apiKey: DEFAULT_WAZZUP_KEY,
							baseUrl: fake.url,
							requestsPerWindow: options.requestsPerWindow,
						},
					},
					credentialTypes: [new OmnichannelWazzupApi()],
					executionId: `bench-${run}`,
				});
				return (await node.execute(items, { continueOnFail: true })) ?? [[]];
			}),
		);
		const failedItems = outputs
			.flatMap((output) => output[0])
			.filter((item) => item.json.error).length;
		return resultOf(fake, texts, { started, injected, failedItems });
	} finally {
		await fake.stop();
	}
}

/**
 * n8n's HTTP Request node with Retry On Fail, modelled: each execution sends its items one by
 * one without an idempotency key; any failure fails the node, which n8n runs again for all its
 * items after 1 s, at most 3 times.
 */
export async function runHttpRequestModel(options: BenchOptions): Promise<BenchResult> {
	const { fake, injected } = await faultyWazzup(options);
	const texts = textsOf(options);
	const share = Math.ceil(texts.length / options.executions);
	const started = Date.now();
	let failedItems = 0;
	const send = async (text: string, chat: string) => {
		const response = await fetch(`${fake.url}/v3/message`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${DEFAULT_WAZZUP_KEY}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				channelId: CHANNEL.channelId,
				chatType: 'whatsapp',
				chatId: chat,
				text,
			}),
		});
		if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
	};
	try {
		await Promise.all(
			Array.from({ length: options.executions }, async (_, run) => {
				const items = texts.slice(run * share, (run + 1) * share);
				for (let attempt = 1; attempt <= 3; attempt++) {
					try {
						for (const [i, text] of items.entries()) {
							await send(text, String(79000000000 + run * share + i));
						}
						return;
					} catch {
						if (attempt === 3) failedItems += items.length;
						else await new Promise((resolve) => setTimeout(resolve, 1_000));
					}
				}
			}),
		);
		return resultOf(fake, texts, { started, injected, failedItems });
	} finally {
		await fake.stop();
	}
}

/** The rate limit's minimum for `requests` calls: full windows before the last batch may start. */
export function rateLimitFloorMs(requests: number, perWindow: number, windowMs = 5_000): number {
	return Math.floor(Math.max(requests - 1, 0) / perWindow) * windowMs;
}

function parse(argv: string[]): BenchOptions {
	const options: BenchOptions = {
		messages: 1_000,
		executions: 10,
		faultRate: 0.02,
		requestsPerWindow: 400,
		seed: 9,
	};
	for (const argument of argv) {
		const [name, value] = argument.replace(/^--/, '').split('=');
		if (name in options) (options as unknown as Record<string, number>)[name] = Number(value);
	}
	return options;
}

function line(label: string, result: BenchResult, floorMs: number): string {
	const ratio = floorMs > 0 ? (result.wallMs / floorMs).toFixed(2) : 'n/a';
	return [
		label.padEnd(40),
		`delivered ${result.delivered}`,
		`lost ${result.lost}`,
		`duplicated ${result.duplicated}`,
		`failed items ${result.failedItems}`,
		`requests ${result.requests}`,
		`wall ${(result.wallMs / 1000).toFixed(1)} s`,
		`wall ÷ rate-limit minimum ${ratio}`,
	].join(' | ');
}

/** `print` writes one line of the report (the launcher passes console.log). */
export async function main(argv: string[], print: (line: string) => void): Promise<number> {
	const options = parse(argv);
	const floorMs = rateLimitFloorMs(options.messages, options.requestsPerWindow);
	print(
		`Wazzup send benchmark: ${options.messages} messages in ${options.executions} concurrent executions; ` +
			`each send request: ${options.faultRate * 100}% 503 and ${options.faultRate * 100}% dropped connection before Wazzup processes it, ` +
			`${options.faultRate * 100}% 502 and ${options.faultRate * 100}% dropped connection after (message sent, answer lost). ` +
			`Rate limit ${options.requestsPerWindow} requests per 5 s: minimum ${(floorMs / 1000).toFixed(0)} s for ${options.messages} requests.`,
	);
	const ours = await runOurs(options);
	print(line('Wazzup node (crmMessageId, retries)', ours, floorMs));
	print(`  faults injected: ${JSON.stringify(ours.injected)}`);
	const model = await runHttpRequestModel(options);
	print(line('n8n HTTP Request + Retry On Fail (model)', model, floorMs));
	print(`  faults injected: ${JSON.stringify(model.injected)}`);
	const ok = ours.delivered === options.messages && ours.lost === 0 && ours.duplicated === 0;
	print(
		ok
			? 'OK: every message delivered exactly once.'
			: 'FAILED: expected all delivered, 0 lost, 0 duplicated.',
	);
	return ok ? 0 : 1;
}
