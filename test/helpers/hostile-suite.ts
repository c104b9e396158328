/**
 * The property suite every webhook trigger runs (test/unit/<provider>/trigger/hostile.test.ts):
 * generated hostile deliveries through the trigger's real webhook(), each checked against the
 * promise of README "Behaviour every node shares": never a throw, 403 / 415 / 400 / 200 and
 * nothing else, a run only for a body the trigger's parser takes, the exact answer.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import type { NodeHarness } from './node-harness';
import type { RecordingResponse } from './webhook-io';
import {
	FOREIGN_CONTENT_TYPES,
	FORM_CONTENT_TYPE,
	HOSTILE_CONSTANTS,
	JSON_CONTENT_TYPES,
	hostileBodies,
	pathsOf,
	withValueAt,
	type Json,
} from './hostile';
import { marker, type HostileTrigger, type SecretCase } from './hostile-triggers';

const WORKFLOW_ID = 'wfHostileInput01';
const NODE_ID = 'node-under-test';
const RUNS = Number(process.env.HOSTILE_RUNS ?? 150);

export interface Delivered {
	result: IWebhookResponseData;
	response: RecordingResponse;
	items: Array<Record<string, unknown>>;
}

/**
 * What n8n hands webhook() for a JSON request: the parsed body (an empty object for `null`, as
 * n8n's body parser does) and the raw bytes.
 */
export async function deliverJson(
	node: NodeHarness,
	trigger: HostileTrigger,
	body: Json,
	options: { contentType?: string; secret?: SecretCase } = {},
): Promise<Delivered> {
	const text = JSON.stringify(body);
	const credentials = trigger.secret(options.secret ?? 'right', WORKFLOW_ID, NODE_ID);
	const headers: Record<string, string> = { ...credentials.headers };
	const contentType = 'contentType' in options ? options.contentType : 'application/json';
	const request = {
		body: (JSON.parse(text) as unknown) ?? {},
		rawBody: text,
		headers,
		query: credentials.query,
	};
	return await send(node, request, contentType);
}

async function send(
	node: NodeHarness,
	request: { body: unknown; rawBody: string; headers: Record<string, string>; query: IDataObject },
	contentType: string | undefined,
): Promise<Delivered> {
	// The request helper defaults to JSON; an absent Content-Type is removed after it is built.
	const { result, response } = await node.webhook({
		...request,
		headers: { ...request.headers, 'content-type': contentType ?? '' },
	});
	const items = ((result.workflowData ?? []) as INodeExecutionData[][])
		.flat()
		.map((item) => item.json);
	return { result, response, items };
}

/** The checks every answer passes, whatever was sent. */
export function expectWellFormedAnswer(trigger: HostileTrigger, delivered: Delivered): void {
	const { result, response, items } = delivered;
	expect([200, 400, 403, 415]).toContain(response.statusCode);
	expect(response.ended).toBe(true);
	expect(result.noWebhookResponse).toBe(true);
	if (response.statusCode !== 200) {
		expect(result.workflowData).toBeUndefined();
		expect(response.body).toEqual({ ok: false, error: expect.any(String) });
		return;
	}
	if (result.workflowData) {
		// A run: answered exactly, and every item is a usable event.
		expect(response.body).toEqual({ ok: true });
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(trigger.itemProblem(item)).toBeUndefined();
	} else {
		// A documented drop: 200, nothing runs, the reason is said.
		expect(response.body).toEqual({ ok: true, ignored: expect.any(String) });
	}
}

export function describeHostileInput(
	trigger: HostileTrigger,
	harness: () => NodeHarness,
	forget: () => void,
): void {
	describe(`${trigger.label}: hostile input`, () => {
		beforeEach(() => forget());
		const acceptsForm = trigger.accepted.includes('form');
		const acceptedTypes = [...JSON_CONTENT_TYPES, ...(acceptsForm ? [FORM_CONTENT_TYPE] : [])];
		const foreignTypes = [...FOREIGN_CONTENT_TYPES, ...(acceptsForm ? [] : [FORM_CONTENT_TYPE])];

		it.each(JSON_CONTENT_TYPES)(
			'starts a run for a valid event sent as %s, answered exactly {"ok":true}',
			async (contentType) => {
				const delivered = await deliverJson(harness(), trigger, trigger.valid(1), { contentType });
				expect(delivered.response.statusCode).toBe(200);
				expect(delivered.response.body).toEqual({ ok: true });
				expect(delivered.items).toHaveLength(1);
				expect(JSON.stringify(delivered.items[0])).toContain(marker(1));
				expectWellFormedAnswer(trigger, delivered);
			},
		);

		it('answers a generated hostile body 400 exactly when its parser refuses it, never with a run of garbage', async () => {
			const sample = trigger.valid(2);
			const seen = new Set<number>();
			await fc.assert(
				fc.asyncProperty(
					hostileBodies(sample),
					fc.constantFrom(...JSON_CONTENT_TYPES),
					async (body, contentType) => {
						forget();
						const delivered = await deliverJson(harness(), trigger, body, { contentType });
						expectWellFormedAnswer(trigger, delivered);
						expect(delivered.response.statusCode).toBe(trigger.parses(body) ? 200 : 400);
						seen.add(delivered.response.statusCode);
					},
				),
				{ numRuns: RUNS, seed: 15 },
			);
			// Both sides were exercised: bodies refused, and bodies mutated but still usable.
			expect([...seen].sort()).toEqual([200, 400]);
		});

		it('answers 400 exactly when its parser refuses, with every listed hostile value in every field of a valid event (or the field removed)', async () => {
			const sample = trigger.valid(7);
			for (const path of pathsOf(sample)) {
				for (const value of [...HOSTILE_CONSTANTS, undefined]) {
					forget();
					const body = withValueAt(sample, path, value);
					const delivered = await deliverJson(harness(), trigger, body);
					const where = `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`;
					expect([where, delivered.response.statusCode]).toEqual([
						where,
						trigger.parses(body) ? 200 : 400,
					]);
					expectWellFormedAnswer(trigger, delivered);
				}
			}
		});

		it('refuses every Content-Type its provider does not send with 415, naming it, and starts nothing', async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...foreignTypes),
					fc.oneof(fc.constant(trigger.valid(3)), hostileBodies(trigger.valid(3))),
					async (contentType, body) => {
						const delivered = await deliverJson(harness(), trigger, body, { contentType });
						expect(delivered.response.statusCode).toBe(415);
						expect(JSON.stringify(delivered.response.body)).toMatch(/Content-Type/);
						expectWellFormedAnswer(trigger, delivered);
					},
				),
				{ numRuns: Math.min(RUNS, 60), seed: 15 },
			);
		});

		it('refuses a wrong or missing secret with 403 whatever the body and Content-Type', async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom<SecretCase>('wrong', 'missing'),
					fc.constantFrom(...acceptedTypes, ...foreignTypes),
					fc.oneof(fc.constant(trigger.valid(4)), hostileBodies(trigger.valid(4))),
					async (secret, contentType, body) => {
						const delivered = await deliverJson(harness(), trigger, body, {
							contentType,
							secret,
						});
						expect(delivered.response.statusCode).toBe(403);
						expectWellFormedAnswer(trigger, delivered);
					},
				),
				{ numRuns: Math.min(RUNS, 60), seed: 15 },
			);
		});
	});
}
