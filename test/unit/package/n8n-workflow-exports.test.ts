/**
 * n8n provides n8n-workflow at run time, in the version of the n8n that loads the package: 1.x or
 * 2.x. A runtime import that one of them lacks only fails when that code path runs (2.x dropped
 * `sleepWithAbort`, and deactivating the polling trigger failed forever). So every value imported
 * from n8n-workflow by shipped code must exist in both majors we support.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import * as workflowV1 from 'n8n-workflow';
import * as workflowV2 from 'n8n-workflow-v2';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const SHIPPED_DIRS = ['nodes', 'credentials'];

/** The installed majors: n8n-workflow (1.x, what n8n 1.123 ships) and its 2.x alias. */
const VERSIONS: Record<string, Record<string, unknown>> = {
	'n8n-workflow 1.x': workflowV1 as unknown as Record<string, unknown>,
	'n8n-workflow 2.x': workflowV2 as unknown as Record<string, unknown>,
};

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** Names imported as values (not `import type`, not `type X` specifiers) from n8n-workflow. */
export function runtimeImportsOf(file: string, text: string): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
	const names: string[] = [];
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement)) continue;
		if ((statement.moduleSpecifier as ts.StringLiteral).text !== 'n8n-workflow') continue;
		const clause = statement.importClause;
		if (!clause || clause.isTypeOnly) continue;
		if (clause.name) names.push('default');
		const bindings = clause.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
		if (bindings && ts.isNamedImports(bindings)) {
			for (const element of bindings.elements) {
				if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
			}
		}
	}
	return names;
}

const imports = SHIPPED_DIRS.flatMap((dir) => sourceFiles(path.join(repoRoot, dir))).flatMap(
	(file) =>
		runtimeImportsOf(file, fs.readFileSync(file, 'utf8')).map((name) => ({
			file: path.relative(repoRoot, file),
			name,
		})),
);

describe('runtime imports from n8n-workflow', () => {
	it('finds the imports it checks (the scan itself works)', () => {
		expect(imports.map((i) => i.name)).toEqual(
			expect.arrayContaining(['NodeConnectionTypes', 'sleep']),
		);
		expect(runtimeImportsOf('x.ts', "import { a, type B } from 'n8n-workflow';")).toEqual(['a']);
		expect(runtimeImportsOf('x.ts', "import type { A } from 'n8n-workflow';")).toEqual([]);
	});

	it('uses no namespace or default import (each name must be checkable)', () => {
		expect(imports.filter((i) => i.name === '*' || i.name === 'default')).toEqual([]);
	});

	it.each(Object.keys(VERSIONS))('every runtime import exists in %s', (version) => {
		const missing = imports.filter((i) => VERSIONS[version][i.name] === undefined);
		expect(missing).toEqual([]);
	});

	it('knows that 2.x lacks sleepWithAbort (the check can fail)', () => {
		expect(VERSIONS['n8n-workflow 2.x'].sleepWithAbort).toBeUndefined();
		expect(VERSIONS['n8n-workflow 1.x'].sleepWithAbort).toBeDefined();
	});
});
