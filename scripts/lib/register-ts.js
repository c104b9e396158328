'use strict';
// Lets a plain `node` script require the repository's TypeScript (fakes, nodes, test helpers)
// without a build: each .ts file is transpiled on load with the TypeScript compiler the project
// already depends on. Types are not checked here (`npm run typecheck` does that).
const fs = require('node:fs');
const ts = require('typescript');

/** @type {import('typescript').CompilerOptions} */
const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	resolveJsonModule: true,
	sourceMap: false,
	inlineSourceMap: true,
};

/** @param {NodeJS.Module & { _compile(code: string, file: string): void }} module @param {string} file */
function loadTypeScript(module, file) {
	const source = fs.readFileSync(file, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
	module._compile(outputText, file);
}

// Node's extension table is the supported hook for this; it is the same one ts-node uses. .ts is
// put first: "nodes/Wazzup/Wazzup.node" must find Wazzup.node.ts, not the codex Wazzup.node.json.
const extensions = /** @type {Record<string, unknown>} */ (require.extensions);
const others = Object.entries(extensions).filter(([extension]) => extension !== '.ts');
for (const [extension] of others) delete extensions[extension];
extensions['.ts'] = loadTypeScript;
for (const [extension, loader] of others) extensions[extension] = loader;
