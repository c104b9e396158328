/**
 * Fault injection over a run of sends (issue 15), for the action nodes' suites: a fake provider
 * answers each send request with one of the faults below, picked at random from a fixed seed (the
 * same run every time), and judgeSends checks that every item ended delivered exactly once or
 * failed with the reason, and that nothing was sent twice.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { faults, type Fault, type FakeServer, type RecordedRequest } from '../fakes/fake-server';
import { seededRandom } from './seeded-random';

export type SendFault = '429' | 'slow' | '5xx before' | 'drop before' | '5xx after' | 'drop after';

/** Faults that must never fail an item: the provider did not take the call, or only took long. */
const HARMLESS: ReadonlySet<SendFault> = new Set(['429', 'slow']);

export interface SendFaultPlan {
	/** The share of send requests that get each fault (default 0.04 each). */
	rate?: number;
	seed?: number;
	/** The provider's own 429 (body and headers saying to wait about a second). */
	tooManyRequests: Fault;
	/** How long a slow answer takes (default 150 ms). */
	slowMs?: number;
}

export interface InjectedFaults {
	/** Faults per message (by the key the suite reads from the request, e.g. its text). */
	byMessage: Map<string, SendFault[]>;
	counts: Record<SendFault, number>;
}

/**
 * Scripts the fake: each request that `isSend` accepts gets at most one fault, with chance `rate`
 * each. `messageOf` names the message a request carries, to tie faults to items.
 */
export function injectSendFaults(
	fake: FakeServer,
	isSend: (request: RecordedRequest) => boolean,
	messageOf: (request: RecordedRequest) => string,
	plan: SendFaultPlan,
): InjectedFaults {
	const rate = plan.rate ?? 0.04;
	const random = seededRandom(plan.seed ?? 15);
	const order: SendFault[] = [
		'429',
		'slow',
		'5xx before',
		'drop before',
		'5xx after',
		'drop after',
	];
	const picked = new Map<number, SendFault | undefined>();
	const injected: InjectedFaults = {
		byMessage: new Map(),
		counts: Object.fromEntries(order.map((kind) => [kind, 0])) as Record<SendFault, number>,
	};
	const pick = (request: RecordedRequest): SendFault | undefined => {
		if (!picked.has(request.id)) {
			const roll = random();
			const kind = isSend(request) ? order[Math.floor(roll / rate)] : undefined;
			picked.set(request.id, kind);
			if (kind) {
				injected.counts[kind]++;
				const message = messageOf(request);
				injected.byMessage.set(message, [...(injected.byMessage.get(message) ?? []), kind]);
			}
		}
		return picked.get(request.id);
	};
	const script: Record<SendFault, Fault> = {
		'429': plan.tooManyRequests,
		slow: faults.delay(plan.slowMs ?? 150),
		'5xx before': faults.respond(503, { error: 'Service Unavailable' }),
		'drop before': faults.drop(),
		'5xx after': faults.respondAfter(502, { error: 'Bad Gateway' }),
		'drop after': faults.dropAfter(),
	};
	for (const kind of order)
		fake.failNext((request) => pick(request) === kind, script[kind], Infinity);
	return injected;
}

export interface SendVerdict {
	delivered: number;
	/** Failed items whose message the provider never got. */
	lost: number;
	duplicated: number;
	failed: number;
	/** Everything that broke a rule; empty when the run is right. */
	problems: string[];
}

/**
 * Judges a run with continueOnFail: `messages[i]` is item i's message, `deliveries(message)` how
 * many times the provider really has it. Rules: one output item per input item, paired with it;
 * no message delivered twice; a successful item delivered exactly once; a failed item carries an
 * error and a description that says the send may have arrived (so nobody blindly sends it again);
 * a 429 or a slow answer alone never fails an item.
 */
export function judgeSends(
	output: INodeExecutionData[],
	messages: string[],
	deliveries: (message: string) => number,
	injected: InjectedFaults,
): SendVerdict {
	const verdict: SendVerdict = { delivered: 0, lost: 0, duplicated: 0, failed: 0, problems: [] };
	const problem = (text: string) => verdict.problems.push(text);
	if (output.length !== messages.length) {
		problem(`${output.length} output items for ${messages.length} input items`);
	}
	messages.forEach((message, index) => {
		const item = output[index];
		const times = deliveries(message);
		const faultsSeen = injected.byMessage.get(message) ?? [];
		if (times > 0) verdict.delivered++;
		if (times > 1) {
			verdict.duplicated += times - 1;
			problem(`"${message}" delivered ${times} times (faults: ${faultsSeen.join(', ')})`);
		}
		if (!item) return;
		const paired = (item.pairedItem as { item?: number } | undefined)?.item;
		if (paired !== index) problem(`output ${index} is paired with item ${paired}`);
		const error = item.json.error;
		if (error === undefined) {
			if (times !== 1) problem(`"${message}" reported sent but delivered ${times} times`);
			return;
		}
		verdict.failed++;
		if (times === 0) verdict.lost++;
		if (typeof error !== 'string' || error.trim() === '') problem(`"${message}": empty error`);
		if (!/may already have/i.test(String(item.json.description ?? ''))) {
			problem(`"${message}" failed without saying it may have arrived: ${String(error)}`);
		}
		if (faultsSeen.every((kind) => HARMLESS.has(kind))) {
			problem(`"${message}" failed after only ${faultsSeen.join(', ') || 'no fault'}: ${error}`);
		}
	});
	return verdict;
}

/**
 * The checks every action node's fault-run suite makes (test/unit/<provider>/send-faults.test.ts),
 * in one place so the providers are held to the same promise: judgeSends found nothing wrong,
 * nothing was sent twice, every kind of fault struck at least once (else the run proves nothing
 * about that kind), and exactly the four faults that may hide a processed send failed an item.
 * Returns the verdict for a suite's own extra checks.
 */
export function expectEverySendOnceOrFailed(
	output: INodeExecutionData[],
	messages: string[],
	deliveries: (message: string) => number,
	injected: InjectedFaults,
): SendVerdict {
	const verdict = judgeSends(output, messages, deliveries, injected);
	expect(verdict.problems).toEqual([]);
	expect(verdict.duplicated).toBe(0);
	expect(Object.values(injected.counts).every((n) => n > 0)).toBe(true);
	expect(verdict.failed).toBe(
		injected.counts['5xx before'] +
			injected.counts['drop before'] +
			injected.counts['5xx after'] +
			injected.counts['drop after'],
	);
	return verdict;
}
