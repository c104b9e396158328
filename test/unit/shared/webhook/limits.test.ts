import type { IWebhookFunctions } from 'n8n-workflow';

import {
	MAX_BODY_DEPTH,
	nestedDeeperThan,
	readJsonObjectBody,
} from '../../../../nodes/shared/webhook/body';
import {
	MAX_REMEMBERED_ID_LENGTH,
	RecentMap,
	isDuplicateDelivery,
} from '../../../../nodes/shared/webhook/recentDeliveries';

/** A body nested `depth` levels: {a:{a:…{}}}. Built without recursion, like a hostile sender would. */
function nested(depth: number): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	let current = root;
	for (let level = 1; level < depth; level++) {
		const next: Record<string, unknown> = {};
		current.a = next;
		current = next;
	}
	return root;
}

const webhookWith = (body: unknown) =>
	({
		getBodyData: () => body,
		getRequestObject: () => ({ rawBody: Buffer.from(JSON.stringify(body)) }),
	}) as unknown as IWebhookFunctions;

describe('limits on what a webhook delivery may cost', () => {
	it('measures nesting exactly at the limit', () => {
		expect(nestedDeeperThan(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
		expect(nestedDeeperThan(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
		// Arrays count as levels too: object, list, list, list, object = 5.
		expect(nestedDeeperThan({ list: [[[{ a: 1 }]]] }, 5)).toBe(false);
		expect(nestedDeeperThan({ list: [[[{ a: 1 }]]] }, 4)).toBe(true);
		expect(nestedDeeperThan('text', 0)).toBe(false);
	});

	it('refuses a body nested 10,000 levels deep with a clear problem instead of overflowing the stack', () => {
		const result = readJsonObjectBody(webhookWith({ contacts: nested(10_000) }));
		expect(result).toEqual({
			ok: false,
			problem: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep; no provider sends that.`,
		});
	});

	it('accepts a realistic body as it is', () => {
		const body = { message: { chat: { id: 1 }, entities: [{ type: 'bold' }] } };
		expect(readJsonObjectBody(webhookWith(body))).toEqual({ ok: true, body });
	});

	it('remembers a hostile 1 MB delivery id by its digest, still recognising the repeat', () => {
		const memory = new RecentMap<true>(10, 60_000);
		const huge = 'x'.repeat(1_000_000);
		expect(isDuplicateDelivery(memory, 'wf|node', huge)).toBe(false);
		expect(isDuplicateDelivery(memory, 'wf|node', huge)).toBe(true);
		expect(isDuplicateDelivery(memory, 'wf|node', `${huge}y`)).toBe(false);
		// What the memory holds stays small whatever the sender sends.
		const keys = [...(memory as unknown as { entries: Map<string, unknown> }).entries.keys()];
		expect(Math.max(...keys.map((key) => key.length))).toBeLessThan(100);
	});

	it('keeps ids up to the limit as they are', () => {
		const memory = new RecentMap<true>(10, 60_000);
		const id = '7'.repeat(MAX_REMEMBERED_ID_LENGTH);
		expect(isDuplicateDelivery(memory, 's', id)).toBe(false);
		const keys = [...(memory as unknown as { entries: Map<string, unknown> }).entries.keys()];
		expect(keys).toEqual([`s|${id}`]);
	});
});
