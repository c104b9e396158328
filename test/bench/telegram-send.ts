/**
 * Benchmark (issue 15): sends at Telegram's limit, in a real n8n, beside n8n's own Telegram node.
 *
 * The fake Telegram enforces the documented limits strictly: 30 messages per second per bot and
 * at most 1 message per second to one chat (a sliding window each, counted at arrival), answering
 * 429 with retry_after beyond them. Two shapes, the same messages through each node:
 * - broadcast: 1,000 messages to 1,000 chats. Minimum 1000 / 30 = 33.3 s.
 * - one chat: 50 messages to one chat. Minimum 49 s (one per second after the first).
 * Each workflow is Webhook → Split Out → the send node, started by one POST. The figures come
 * from what the fake received (delivered, lost, duplicated, 429 answers) and from n8n's own run
 * data (the send node's execution time, divided by the minimum).
 *
 * n8n's Telegram node runs twice: with "On Error: Continue" (every item is tried once) and with
 * "Retry On Fail" (3 tries, 1 s apart: n8n runs the whole node again, items already sent too).
 * It is capped at `capSeconds` per run; a capped run prints that it was capped.
 *
 * n8n 2.41 by default: the current major, what a new install gets (`--n8n=1` for 1.123).
 * Run with `npm run bench` (scripts/bench/telegram-send.js); `--shape=broadcast|chat`,
 * `--messages=`, `--chatMessages=`, `--repeats=` (medians), `--n8n=1|2`.
 */
import { DEFAULT_TELEGRAM_TOKEN, FakeTelegram } from '../fakes/telegram';
import { PACKAGE_NAME as PACKAGE } from '../helpers/node-harness';
import { N8nInstance, type N8nExecution, type WorkflowJson } from '../e2e/harness';
import { prepareRealN8n } from './real-n8n';

export interface BenchOptions {
	messages: number;
	chatMessages: number;
	repeats: number;
	capSeconds: number;
	n8n: 1 | 2;
	shape: 'both' | 'broadcast' | 'chat';
}

/** The fake's limits: Telegram's documented ones, with no burst allowance. */
export const LIMITS = { perBotPerSecond: 30, perChatIntervalMs: 1000 };

type Contender = 'ours' | 'builtin' | 'builtinRetry';

const LABELS: Record<Contender, string> = {
	ours: 'Telegram Bot (this package)',
	builtin: "n8n's Telegram node, On Error: Continue",
	builtinRetry: "n8n's Telegram node, Retry On Fail",
};

const SEND_NODE = 'Send';
const OURS_CREDENTIAL = { id: 'benchOursTg00001', name: 'Bench Telegram (ours)' };
const BUILTIN_CREDENTIAL = { id: 'benchN8nTg000001', name: 'Bench Telegram (n8n)' };

function sendNode(contender: Contender): WorkflowJson['nodes'][number] {
	const base = { id: 'send', name: SEND_NODE, position: [500, 0] as [number, number] };
	if (contender === 'ours') {
		return {
			...base,
			type: `${PACKAGE}.telegramBot`,
			typeVersion: 1,
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'message',
				operation: 'sendText',
				chatId: '={{ $json.chat }}',
				text: '={{ $json.text }}',
				options: {},
			},
			credentials: { omnichannelTelegramBotApi: OURS_CREDENTIAL },
		};
	}
	return {
		...base,
		type: 'n8n-nodes-base.telegram',
		typeVersion: 1.2,
		...(contender === 'builtin'
			? { onError: 'continueRegularOutput' }
			: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 }),
		parameters: {
			resource: 'message',
			operation: 'sendMessage',
			chatId: '={{ $json.chat }}',
			text: '={{ $json.text }}',
			additionalFields: { appendAttribution: false },
		},
		credentials: { telegramApi: BUILTIN_CREDENTIAL },
	};
}

const WORKFLOW_IDS: Record<Contender, string> = {
	ours: 'benchTgSendOurs1',
	builtin: 'benchTgSendN8n01',
	builtinRetry: 'benchTgSendN8nR1',
};

function workflow(contender: Contender): WorkflowJson {
	const id = WORKFLOW_IDS[contender];
	return {
		id,
		name: `bench: ${LABELS[contender]}`,
		nodes: [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `7c1e2c3d-4e5f-4a6b-8c7d-${id.slice(-12).replace(/[^0-9a-f]/gi, '0')}`,
				parameters: {
					httpMethod: 'POST',
					path: `bench-${contender}`,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'split',
				name: 'Messages',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [250, 0],
				parameters: { fieldToSplitOut: 'body.messages', options: {} },
			},
			sendNode(contender),
		],
		connections: {
			Webhook: { main: [[{ node: 'Messages', type: 'main', index: 0 }]] },
			Messages: { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

interface Shape {
	name: 'broadcast' | 'chat';
	description: string;
	messages: Array<{ chat: string; text: string }>;
	minimumMs: number;
}

function shapes(options: BenchOptions): Shape[] {
	const all: Shape[] = [];
	if (options.shape !== 'chat') {
		all.push({
			name: 'broadcast',
			description: `${options.messages} messages to ${options.messages} chats`,
			messages: Array.from({ length: options.messages }, (_, i) => ({
				chat: String(700_000_000 + i),
				text: `broadcast ${i + 1}`,
			})),
			minimumMs: (options.messages / LIMITS.perBotPerSecond) * 1000,
		});
	}
	if (options.shape !== 'broadcast') {
		all.push({
			name: 'chat',
			description: `${options.chatMessages} messages to one chat`,
			messages: Array.from({ length: options.chatMessages }, (_, i) => ({
				chat: '86815320',
				text: `one chat ${i + 1}`,
			})),
			minimumMs: (options.chatMessages - 1) * LIMITS.perChatIntervalMs,
		});
	}
	return all;
}

export interface RunResult {
	delivered: number;
	lost: number;
	duplicated: number;
	/** 429 answers of the fake to send attempts. */
	rateLimited: number;
	attempts: number;
	/** The send node's run time in n8n's run data (with Retry On Fail: all tries). */
	nodeMs: number;
	/** First attempt to last attempt, as the fake saw them. */
	spanMs: number;
	/** The median time between two send attempts in a row: the node's own cost per message. */
	medianGapMs: number;
	capped: boolean;
	status: string;
}

function count(
	fake: FakeTelegram,
	texts: string[],
): Pick<RunResult, 'delivered' | 'lost' | 'duplicated'> {
	const wanted = new Set(texts);
	const seen = new Map<string, number>();
	for (const message of fake.sent) {
		if (message.text && wanted.has(message.text)) {
			seen.set(message.text, (seen.get(message.text) ?? 0) + 1);
		}
	}
	return {
		delivered: seen.size,
		lost: texts.length - seen.size,
		duplicated: [...seen.values()].reduce((sum, n) => sum + n - 1, 0),
	};
}

function nodeMs(execution: N8nExecution | undefined): number {
	const runs = execution?.runData[SEND_NODE] ?? [];
	return runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0);
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function runOnce(
	n8n: N8nInstance,
	fake: FakeTelegram,
	contender: Contender,
	shape: Shape,
	capSeconds: number,
): Promise<RunResult> {
	fake.reset();
	const id = WORKFLOW_IDS[contender];
	const before = (await n8n.executions(id)).length;
	const response = await n8n.post(`bench-${contender}`, { messages: shape.messages });
	if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
	let execution: N8nExecution | undefined;
	let capped = false;
	try {
		execution = (await n8n.waitForExecutions(id, before + 1, capSeconds * 1000))[before];
	} catch {
		capped = true;
	}
	const attempts = fake.requests.filter((r) => /\/sendMessage$/i.test(r.path));
	const times = attempts.map((r) => r.receivedAt);
	return {
		...count(
			fake,
			shape.messages.map((m) => m.text),
		),
		rateLimited: attempts.filter((r) => r.fault?.startsWith('rate-limit')).length,
		attempts: attempts.length,
		nodeMs: nodeMs(execution),
		spanMs: times.length ? Math.max(...times) - Math.min(...times) : 0,
		medianGapMs: times.length > 1 ? median(times.slice(1).map((t, i) => t - times[i])) : 0,
		capped,
		status: capped ? `capped at ${capSeconds} s` : (execution?.status ?? 'unknown'),
	};
}

/** The median run by node time, so every printed figure comes from one real run. */
function medianRun(runs: RunResult[]): RunResult {
	const target = median(runs.map((r) => r.nodeMs));
	return runs.find((r) => r.nodeMs === target) ?? runs[0];
}

function line(label: string, result: RunResult, shape: Shape): string {
	return [
		label.padEnd(42),
		`delivered ${result.delivered}`,
		`lost ${result.lost}`,
		`duplicated ${result.duplicated}`,
		`429 answers ${result.rateLimited}`,
		`send node ${(result.nodeMs / 1000).toFixed(1)} s`,
		`÷ minimum ${(result.nodeMs / shape.minimumMs).toFixed(3)}`,
		`first→last send ${(result.spanMs / 1000).toFixed(1)} s`,
		`median gap ${result.medianGapMs} ms`,
		result.status,
	].join(' | ');
}

function parse(argv: string[]): BenchOptions {
	const options: BenchOptions = {
		messages: 1_000,
		chatMessages: 50,
		repeats: 1,
		capSeconds: 120,
		n8n: 2,
		shape: 'both',
	};
	for (const argument of argv) {
		const [name, value] = argument.replace(/^--/, '').split('=');
		if (name === 'shape' && (value === 'broadcast' || value === 'chat' || value === 'both')) {
			options.shape = value;
		} else if (name === 'n8n' && (value === '1' || value === '2')) {
			options.n8n = Number(value) as 1 | 2;
		} else if (name in options && name !== 'shape' && name !== 'n8n') {
			(options as unknown as Record<string, number>)[name] = Number(value);
		}
		// Other options belong to the other benches (`npm run bench -- …` passes them to all).
	}
	return options;
}

/** Our send node's verdict: at most this much over the limit's minimum. */
export const MAX_RATIO = 1.05;

/** `print` writes one line of the report (the launcher passes console.log). */
export async function main(argv: string[], print: (line: string) => void): Promise<number> {
	const options = parse(argv);
	const benchStarted = Date.now();
	const runtime = prepareRealN8n(options.n8n, 'bench-telegram');
	const fake = new FakeTelegram({
		maxRecorded: 50_000,
		rateLimits: {
			perBot: { limit: LIMITS.perBotPerSecond, windowMs: 1000 },
			perChat: { limit: 1, windowMs: LIMITS.perChatIntervalMs },
		},
	});
	await fake.start();
	const n8n = await N8nInstance.create({ name: 'bench-telegram' });
	let ok = true;
	try {
		await n8n.importCredentials([
			{
				...OURS_CREDENTIAL,
				type: 'omnichannelTelegramBotApi',
				data: { accessToken: DEFAULT_TELEGRAM_TOKEN, baseUrl: fake.url },
			},
			{
				...BUILTIN_CREDENTIAL,
				type: 'telegramApi',
				data: { accessToken: DEFAULT_TELEGRAM_TOKEN, baseUrl: fake.url },
			},
		]);
		const contenders: Contender[] = ['ours', 'builtin', 'builtinRetry'];
		await n8n.importWorkflows(contenders.map(workflow));
		await n8n.activate(contenders.map((c) => WORKFLOW_IDS[c]));
		await n8n.start();
		for (const c of contenders) await n8n.waitForWebhook(`bench-${c}`);
		print(
			`Telegram send benchmark in a real n8n ${runtime.version} (Node ${runtime.nodeVersion}); ` +
				`the fake Telegram allows ${LIMITS.perBotPerSecond} messages per second per bot and 1 per second per chat ` +
				`(sliding windows at arrival), answering 429 with retry_after beyond; ${options.repeats} run(s) each, median shown.`,
		);
		for (const shape of shapes(options)) {
			print(
				`${shape.description}: the limit's minimum is ${(shape.minimumMs / 1000).toFixed(1)} s.`,
			);
			const results: Partial<Record<Contender, RunResult>> = {};
			for (const contender of contenders) {
				const runs: RunResult[] = [];
				for (let i = 0; i < options.repeats; i++) {
					runs.push(await runOnce(n8n, fake, contender, shape, options.capSeconds));
				}
				results[contender] = medianRun(runs);
				print(line(LABELS[contender], results[contender], shape));
			}
			const ours = results.ours as RunResult;
			for (const other of ['builtin', 'builtinRetry'] as const) {
				const theirs = results[other] as RunResult;
				print(
					`  ours beside ${LABELS[other]}: delivered ${ours.delivered} vs ${theirs.delivered}, ` +
						`duplicated ${ours.duplicated} vs ${theirs.duplicated}, 429 answers ${ours.rateLimited} vs ${theirs.rateLimited}, ` +
						`send node time ours ÷ theirs ${(ours.nodeMs / Math.max(theirs.nodeMs, 1)).toFixed(1)}`,
				);
			}
			const ratio = ours.nodeMs / shape.minimumMs;
			const passed =
				ours.delivered === shape.messages.length &&
				ours.lost === 0 &&
				ours.duplicated === 0 &&
				ours.rateLimited === 0 &&
				!ours.capped &&
				ratio <= MAX_RATIO;
			print(
				passed
					? `  OK: ${shape.description} all delivered once, no 429, ${ratio.toFixed(3)} × the minimum (≤ ${MAX_RATIO}).`
					: `  FAILED: expected all delivered once, 0 × 429 and ≤ ${MAX_RATIO} × the minimum; got ${ratio.toFixed(3)}.`,
			);
			ok &&= passed;
		}
	} finally {
		await n8n.stop();
		await fake.stop();
	}
	print(
		`Telegram send benchmark took ${((Date.now() - benchStarted) / 1000).toFixed(0)} s in all.`,
	);
	return ok ? 0 : 1;
}
