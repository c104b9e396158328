import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { runOperations, type OperationTable } from '../../../nodes/shared';
import { NodeHarness } from '../../helpers';

class PartsError extends Error {
	constructor(readonly sent: string[]) {
		super('Part 2 of 3 failed: check the chat before sending the rest');
	}
}

const operations: OperationTable<{ prefix: string }> = {
	note: {
		echo: async function (this: IExecuteFunctions, itemIndex, context) {
			return {
				json: { said: `${context.prefix}${String(this.getInputData()[itemIndex].json.text)}` },
			};
		},
		fail: async function () {
			throw new PartsError(['m1']);
		},
	},
};

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
			operations,
			context: { prefix: '> ' },
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
				json: { error: 'The operation "nope" of resource "note" is not supported.' },
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
});
