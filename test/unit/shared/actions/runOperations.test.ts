import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { defineOperation, defineResource, runOperations } from '../../../../nodes/shared';
import { NodeHarness } from '../../../helpers';

class PartsError extends Error {
	constructor(readonly sent: string[]) {
		super('Part 2 of 3 failed: check the chat before sending the rest');
	}
}

const resources = [
	defineResource({
		value: 'note',
		name: 'Note',
		defaultOperation: 'echo',
		operations: [
			defineOperation<'echo', { prefix: string }>({
				value: 'echo',
				name: 'Echo',
				action: 'Echo a note',
				properties: [],
				async execute(context) {
					return { json: { said: `${context.prefix}${String(context.item.json.text)}` } };
				},
			}),
			defineOperation({
				value: 'split',
				name: 'Split',
				action: 'Split a note into words',
				properties: [],
				async execute(context) {
					return String(context.item.json.text)
						.split(' ')
						.map((word) => ({ json: { word } }));
				},
			}),
			defineOperation({
				value: 'fail',
				name: 'Fail',
				action: 'Fail',
				properties: [],
				async execute() {
					throw new PartsError(['m1']);
				},
			}),
		],
	}),
] as const;

const node: INodeType = {
	description: {
		displayName: 'Runner Probe',
		name: 'runnerProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs operations per item',
		defaults: { name: 'Runner Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'note' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: '={{ $json.op }}' },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations(this, {
			resources,
			extra: { prefix: '> ' },
			errorFields: (error) => (error instanceof PartsError ? { sentMessageIds: error.sent } : {}),
		});
	},
};

const items = [
	{ json: { op: 'echo', text: 'a' } },
	{ json: { op: 'fail', text: 'b' } },
	{ json: { op: 'nope', text: 'c' } },
	{ json: { op: 'echo', text: 'd' } },
];

describe('runOperations', () => {
	it('runs each item on its own and pairs every output with its input (continue on fail)', async () => {
		const [out] = (await new NodeHarness(node, { continueOnFail: true }).execute(items))!;
		expect(out).toEqual([
			{ json: { said: '> a' }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'Part 2 of 3 failed: check the chat before sending the rest',
					sentMessageIds: ['m1'],
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'The operation "nope" of resource "note" is not supported.',
					description:
						'Pick the operation again in the node: this version of the node does not have it.',
				},
				pairedItem: { item: 2 },
			},
			{ json: { said: '> d' }, pairedItem: { item: 3 } },
		]);
	});

	it('stops at the first failed item with a node error naming it, without continue on fail', async () => {
		const error = await new NodeHarness(node).execute(items).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Part 2 of 3 failed: check the chat before sending the rest',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('outputs every item a list operation returns, each paired with its input', async () => {
		const [out] = (await new NodeHarness(node).execute([
			{ json: { op: 'split', text: 'one two' } },
			{ json: { op: 'split', text: 'three' } },
		]))!;
		expect(out.map((item) => [item.json.word, item.pairedItem])).toEqual([
			['one', { item: 0 }],
			['two', { item: 0 }],
			['three', { item: 1 }],
		]);
	});
});
