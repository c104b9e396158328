/**
 * Every shipped template (workflows/*.json) imports the three ways a user can import it, on the
 * n8n this run tests (1.x and 2.x, see `npm run test:e2e`):
 *   - `n8n import:workflow --input=<file>`: on 2.x this fails for a workflow without a top-level
 *     id (NOT NULL constraint), which is why every template carries a fixed one;
 *   - `n8n import:workflow --separate --input=workflows/`: same id, so it updates, never duplicates;
 *   - the editor's import (paste / Import from File), which saves a new workflow through the REST API.
 * Each time the workflow arrives complete (every node, node types known to n8n) and inactive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { N8nInstance, n8nRuntime, type WorkflowJson } from './harness';
import { workflowsDir } from '../../scripts/lib/n8n-paths';

const templateFiles = readdirSync(workflowsDir)
	.filter((file) => file.endsWith('.json'))
	.sort();
const templates = templateFiles.map((file) => ({
	file,
	workflow: JSON.parse(readFileSync(path.join(workflowsDir, file), 'utf8')) as WorkflowJson & {
		nodes: Array<{ name: string; type: string }>;
	},
}));

interface StoredWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string }>;
}

describe(`templates import on n8n ${n8nRuntime().version}`, () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ name: 'templates-import' });
	});
	afterAll(() => n8n?.stop());

	it('has templates to check', () => {
		expect(templates.length).toBeGreaterThan(0);
	});

	it.each(templateFiles)('imports %s with import:workflow --input=<file>', async (file) => {
		const output = await n8n.importWorkflowFiles([`--input=${path.join(workflowsDir, file)}`]);
		expect(output).toMatch(/Successfully imported 1 workflow/);
		const { workflow } = templates.find((t) => t.file === file)!;
		expect(await n8n.listWorkflows()).toContainEqual({ id: workflow.id, name: workflow.name });
	});

	it('imports the whole folder with --separate, updating the same workflows instead of duplicating them', async () => {
		const output = await n8n.importWorkflowFiles(['--separate', `--input=${workflowsDir}`]);
		expect(output).toMatch(new RegExp(`Successfully imported ${templates.length} workflow`));
		const listed = await n8n.listWorkflows();
		for (const { workflow } of templates)
			expect(listed.filter((w) => w.id === workflow.id)).toEqual([
				{ id: workflow.id, name: workflow.name },
			]);
		expect(listed).toHaveLength(templates.length);
	});

	it('stores each imported template complete, inactive, with node types n8n knows', async () => {
		await n8n.start();
		const known = new Set(await n8n.loadedNodeTypes());
		for (const { workflow } of templates) {
			const response = await n8n.rest('GET', `/workflows/${workflow.id}`);
			expect(response.status).toBe(200);
			const stored = (response.body as { data: StoredWorkflow }).data;
			expect(stored.active).toBe(false);
			expect(stored.nodes.map((n) => n.name).sort()).toEqual(
				workflow.nodes.map((n) => n.name).sort(),
			);
			for (const node of stored.nodes) expect(known).toContain(node.type);
		}
	});

	it.each(templateFiles)(
		'imports %s the way the editor does (a new workflow with an id of its own)',
		async (file) => {
			const { workflow } = templates.find((t) => t.file === file)!;
			// The editor pastes the JSON into a new workflow and saves it: POST /rest/workflows
			// with the template's content, without its id (the new workflow gets n8n's own).
			const content: Record<string, unknown> = { ...workflow };
			delete content.id;
			const response = await n8n.rest('POST', '/workflows', content);
			expect(response.status).toBe(200);
			const stored = (response.body as { data: StoredWorkflow }).data;
			expect(stored.id).toMatch(/^[A-Za-z0-9]{16}$/);
			expect(stored.id).not.toBe(workflow.id);
			expect(stored.nodes).toHaveLength(workflow.nodes.length);
			expect(stored.active).toBe(false);
		},
	);
});
