import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	defineOperation,
	defineResource,
	dispatchTable,
	runOperations,
	type OperationDefinition,
} from '../../../../nodes/shared';

const op = (value: string, execute: OperationDefinition['execute'] = async () => ({ json: {} })) =>
	defineOperation({ value, name: value, action: value, properties: [], execute });

/** Just what runOperations calls: items, parameters per item, the node, continueOnFail. */
function execution(
	items: INodeExecutionData[],
	parameters: Record<string, unknown>,
	continueOnFail = false,
): IExecuteFunctions {
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => ({
			id: 'n',
			name: 'N',
			type: 't',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

describe('dispatchTable', () => {
	it('maps "resource:operation" to its operation', () => {
		const a = op('a');
		const b = op('b');
		const table = dispatchTable([
			defineResource({ value: 'r1', name: 'R1', operations: [a] }),
			defineResource({ value: 'r2', name: 'R2', operations: [b] }),
		]);
		expect([...table.keys()]).toEqual(['r1:a', 'r2:b']);
		expect(table.get('r1:a')).toBe(a);
		expect(table.get('r2:b')).toBe(b);
	});

	it('refuses an operation defined twice', () => {
		expect(() =>
			dispatchTable([defineResource({ value: 'r', name: 'R', operations: [op('a'), op('a')] })]),
		).toThrow('Operation r:a is defined twice');
	});
});

describe('runOperations, one item', () => {
	it('gives the operation a parameter reader for its item, with the fallback', async () => {
		const seen: unknown[] = [];
		const resources = [
			defineResource({
				value: 'r',
				name: 'R',
				operations: [
					op('read', async (context) => {
						seen.push(
							context.parameter('text'),
							context.parameter('missing', 'fallback'),
							context.itemIndex,
						);
						return { json: { ok: true } };
					}),
				],
			}),
		];
		const [out] = await runOperations(
			execution([{ json: {} }], { resource: 'r', operation: 'read', text: 'hi' }),
			{ resources, extra: {} },
		);
		expect(seen).toEqual(['hi', 'fallback', 0]);
		expect(out).toEqual([{ json: { ok: true }, pairedItem: { item: 0 } }]);
	});

	it('keeps a pairing the operation set itself', async () => {
		const resources = [
			defineResource({
				value: 'r',
				name: 'R',
				operations: [op('x', async () => ({ json: {}, pairedItem: { item: 7 } }))],
			}),
		];
		const [out] = await runOperations(
			execution([{ json: {} }], { resource: 'r', operation: 'x' }),
			{
				resources,
				extra: {},
			},
		);
		expect(out[0].pairedItem).toEqual({ item: 7 });
	});

	it('reports an error item without extra fields when the node has none to add', async () => {
		const resources = [
			defineResource({
				value: 'r',
				name: 'R',
				operations: [
					op('x', async () => {
						throw new Error('broke');
					}),
				],
			}),
		];
		const [out] = await runOperations(
			execution([{ json: {} }], { resource: 'r', operation: 'x' }, true),
			{ resources, extra: {} },
		);
		expect(out).toEqual([{ json: { error: 'broke' }, pairedItem: { item: 0 } }]);
	});
});
