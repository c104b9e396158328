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
			// Its declared default (the implicit one is tested below).
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

describe('actionProperties: descriptions and the implicit default operation', () => {
	const described = defineOperation({
		value: 'list',
		name: 'List',
		action: 'List notes',
		description: 'Every note, newest first',
		properties: [],
		execute: noop,
	});
	const [resourceSelector, operationSelector] = actionProperties(
		[
			defineResource({
				value: 'note',
				name: 'Note',
				description: 'Short texts',
				operations: [described, archive],
			}),
		] as const,
		'note',
	);

	it('lists the descriptions of resources and operations that have one, and only those', () => {
		expect(resourceSelector.options).toEqual([
			{ name: 'Note', value: 'note', description: 'Short texts' },
		]);
		expect(operationSelector.options).toEqual([
			{ name: 'Archive', value: 'archive', action: 'Archive a note' },
			{
				name: 'List',
				value: 'list',
				action: 'List notes',
				description: 'Every note, newest first',
			},
		]);
	});

	it('defaults to the first operation declared when the resource names none', () => {
		expect(operationSelector.default).toBe('list');
	});
});
