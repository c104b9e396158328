import {
	actionProperties,
	defineOperation,
	defineResource,
	dispatchTable,
	type ActionName,
} from '../../../../nodes/shared';

const noop = async () => ({ json: {} });

const post = defineOperation({
	value: 'post',
	name: 'Post',
	action: 'Post a note',
	properties: [
		{ displayName: 'Text', name: 'text', type: 'string', default: '' },
		{
			displayName: 'Body',
			name: 'body',
			type: 'json',
			default: '{}',
			displayOptions: { show: { method: ['POST'] } },
		},
	],
	execute: noop,
});
const archive = defineOperation({
	value: 'archive',
	name: 'Archive',
	action: 'Archive a note',
	properties: [],
	execute: noop,
});
const resources = [
	defineResource({
		value: 'note',
		name: 'Note',
		operations: [post, archive],
		defaultOperation: 'post',
	}),
	defineResource({
		value: 'file',
		name: 'File',
		operations: [archive],
		defaultOperation: 'archive',
	}),
] as const;

describe('actionProperties', () => {
	const properties = actionProperties(resources, 'note');

	it('generates a Resource selector sorted by name, with the given default', () => {
		expect(properties[0]).toMatchObject({
			name: 'resource',
			default: 'note',
			options: [
				{ name: 'File', value: 'file' },
				{ name: 'Note', value: 'note' },
			],
		});
	});

	it('generates one Operation selector per resource, sorted, keeping the declared default', () => {
		const selectors = properties.filter((p) => p.name === 'operation');
		expect(selectors).toEqual([
			expect.objectContaining({
				displayOptions: { show: { resource: ['note'] } },
				default: 'post',
				options: [
					{ name: 'Archive', value: 'archive', action: 'Archive a note' },
					{ name: 'Post', value: 'post', action: 'Post a note' },
				],
			}),
			// No declared default: the first operation listed.
			expect.objectContaining({
				displayOptions: { show: { resource: ['file'] } },
				default: 'archive',
			}),
		]);
	});

	it("shows an operation's fields only for it, keeping the field's own rules", () => {
		expect(properties.find((p) => p.name === 'text')?.displayOptions).toEqual({
			show: { resource: ['note'], operation: ['post'] },
		});
		expect(properties.find((p) => p.name === 'body')?.displayOptions).toEqual({
			show: { method: ['POST'], resource: ['note'], operation: ['post'] },
		});
	});

	it('names every action once, typed', () => {
		const names: ActionName<typeof resources>[] = ['note:post', 'note:archive', 'file:archive'];
		// @ts-expect-error a misspelt operation does not compile
		const misspelt: ActionName<typeof resources> = 'note:pots';
		expect([...dispatchTable(resources).keys()].sort()).toEqual([...names].sort());
		expect(misspelt).toBe('note:pots');
	});

	it('refuses an operation defined twice in one resource', () => {
		const twice = [
			defineResource({
				value: 'note',
				name: 'Note',
				operations: [post, post],
				defaultOperation: 'post',
			}),
		];
		expect(() => dispatchTable(twice)).toThrow('Operation note:post is defined twice');
	});

	it('refuses a default operation the resource does not have (at compile time)', () => {
		const wrong = defineResource({
			value: 'x',
			name: 'X',
			operations: [post],
			// @ts-expect-error 'delete' is not an operation of this resource
			defaultOperation: 'delete',
		});
		expect(wrong.defaultOperation).toBe('delete');
	});
});
