/**
 * Smoke: a real n8n, with the packed package installed as a community package, registers every
 * node and credential that package.json promises. Grows with the package: nothing here names a node.
 */
import {
	N8nInstance,
	declaredCredentialTypes,
	declaredNodeTypes,
	packageUnderTestDir,
} from './harness';

/** The start of n8n's log without the ~100 migration lines. */
function startupLines(log: string): string {
	return log
		.split('\n')
		.filter((line) => !/^(Starting|Finished) migration/.test(line))
		.slice(0, 40)
		.join('\n');
}

describe('smoke: n8n loads the package as a community package', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ name: 'smoke' });
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	it('registers every node listed in package.json n8n.nodes', async () => {
		const declared = declaredNodeTypes(packageUnderTestDir());
		// A community package without nodes is a packaging mistake, not a pass.
		expect(declared.length).toBeGreaterThan(0);

		const loaded = new Set(await n8n.loadedNodeTypes());
		const missing = declared.filter((type) => !loaded.has(type));
		// On failure, show why n8n skipped them: it logs load errors (e.g. "Cannot find module") at start.
		const startupLog = missing.length ? startupLines(n8n.log()) : '';
		expect({ missing, startupLog }).toEqual({ missing: [], startupLog: '' });
	});

	it('registers every credential listed in package.json n8n.credentials', async () => {
		const declared = declaredCredentialTypes(packageUnderTestDir());
		const loaded = new Set(await n8n.loadedCredentialTypes());
		expect(declared.filter((type) => !loaded.has(type))).toEqual([]);
	});
});
