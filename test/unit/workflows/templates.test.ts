import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every shipped template must import cleanly into any n8n: valid wiring by unique node names,
 * only node types that exist (ours or n8n's), and nothing tied to the machine it was made on
 * (node, instance or credential ids). Behaviour is proven in test/e2e.
 *
 * The one id a template does carry is its top-level workflow id: n8n 2.x's
 * `n8n import:workflow --input=<file>` fails without one (NOT NULL constraint on workflow_entity.id).
 * It is a fixed, documented value (see docs/n8n-versions.md), 16 letters or digits like n8n's own
 * ids, unique across templates. Importing in the editor ignores it and gives the copy a new id.
 */
const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[] };
};

/** Our node type names, read from the built paths' sources ("dist/nodes/X/Y.node.js" → name in Y.node.ts). */
const ourTypes = new Set(
	pkg.n8n.nodes.map((distPath) => {
		const source = readFileSync(
			path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
			'utf8',
		);
		const name = /\bname:\s*'([A-Za-z0-9]+)'/.exec(source)?.[1];
		return `${pkg.name}.${name}`;
	}),
);

interface TemplateNode {
	name: string;
	type: string;
	id?: string;
	webhookId?: string;
	credentials?: Record<string, { id?: string }>;
	parameters: Record<string, unknown>;
}
interface Template {
	id?: string;
	name: string;
	active: boolean;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	meta?: Record<string, unknown>;
}

describe.each(files)('template %s', (file) => {
	const template = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Template;
	const names = template.nodes.map((n) => n.name);

	it('is inactive and carries no node, instance or credential ids', () => {
		expect(template.active).toBe(false);
		expect(template.meta?.instanceId).toBeUndefined();
		for (const node of template.nodes) {
			expect(node.id).toBeUndefined();
			for (const credential of Object.values(node.credentials ?? {}))
				expect(credential.id).toBeUndefined();
		}
	});

	it('has a valid, fixed top-level workflow id of its own', () => {
		expect(template.id).toMatch(/^[A-Za-z0-9]{16}$/);
		const others = files
			.filter((other) => other !== file)
			.map((other) => (JSON.parse(readFileSync(path.join(dir, other), 'utf8')) as Template).id);
		expect(others).not.toContain(template.id);
	});

	it('has unique node names and connections between existing nodes only', () => {
		expect(new Set(names).size).toBe(names.length);
		for (const [from, outputs] of Object.entries(template.connections)) {
			expect(names).toContain(from);
			for (const target of outputs.main.flat()) expect(names).toContain(target.node);
		}
	});

	it('uses only node types this package or n8n itself provides', () => {
		for (const node of template.nodes) {
			if (node.type.startsWith(`${pkg.name}.`)) expect(ourTypes).toContain(node.type);
			else expect(node.type).toMatch(/^n8n-nodes-base\./);
		}
	});

	it('gives every trigger with a webhook its own webhookId (n8n 1.x routes production webhooks by it)', () => {
		const webhookIds = template.nodes.filter((n) => n.webhookId).map((n) => n.webhookId);
		expect(new Set(webhookIds).size).toBe(webhookIds.length);
		for (const node of template.nodes.filter(
			(n) => /Trigger$/.test(n.type) && !/PollingTrigger$/.test(n.type),
		)) {
			expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
		}
	});

	it('explains itself with an overview sticky note', () => {
		const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThanOrEqual(2);
		expect(notes.some((n) => String(n.parameters.content).length > 200)).toBe(true);
	});

	it('numbers every list in its notes from 1, with no indented lines that markdown would nest', () => {
		for (const note of template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote')) {
			const lines = String(note.parameters.content).split('\n');
			expect(lines.filter((line) => /^\s+\S/.test(line))).toEqual([]);
			lines.forEach((line, index) => {
				const number = /^(\d+)\. /.exec(line)?.[1];
				if (number === undefined) return;
				const previous = /^(\d+)\. /.exec(lines[index - 1] ?? '')?.[1];
				// A list starts at 1 after a heading (not after a bare paragraph, which markdown can merge).
				if (previous === undefined) {
					expect(number).toBe('1');
					expect(lines[index - 1]).toMatch(/^#{1,6} /);
				} else expect(Number(number)).toBe(Number(previous) + 1);
			});
		}
	});

	it('names the right number of Telegram nodes in its notes', () => {
		const telegramNodes = template.nodes.filter((n) => /\.telegramBot(Trigger)?$/.test(n.type));
		const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
		for (const note of template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote')) {
			const said = /\b(\w+) Telegram nodes\b/.exec(String(note.parameters.content))?.[1];
			if (said !== undefined) expect(said).toBe(words[telegramNodes.length]);
		}
	});
});
