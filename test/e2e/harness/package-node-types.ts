import * as fs from 'node:fs';
import * as path from 'node:path';

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

type Constructor<T> = new () => T;

function readPackageJson(packageDir: string): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
}

/** Instantiates the class a built `X.node.js` / `X.credentials.js` file exports (named X, as n8n expects). */
function instantiate<T>(packageDir: string, file: string, suffix: RegExp): T {
	const absolute = path.join(packageDir, file);
	if (!fs.existsSync(absolute)) throw new Error(`package.json lists ${file}, which is not built`);
	// The path is only known at run time, and these are plain CommonJS files built by tsc.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(absolute) as Record<string, unknown>;
	const className = path.basename(file).replace(suffix, '');
	const Class = exported[className];
	if (typeof Class !== 'function')
		throw new Error(`${file} does not export a class named ${className}`);
	return new (Class as Constructor<T>)();
}

/**
 * The node types a package promises n8n: `<package>.<description.name>` for every file in
 * package.json `n8n.nodes`, read from the built dist files. Versioned nodes keep the name on
 * their top-level description, so this covers them too.
 */
export function declaredNodeTypes(packageDir: string): string[] {
	const pkg = readPackageJson(packageDir);
	return (pkg.n8n?.nodes ?? []).map((file) => {
		const node = instantiate<{ description: { name: string } }>(packageDir, file, /\.node\.js$/);
		return `${pkg.name}.${node.description.name}`;
	});
}

/** The credential type names (n8n does not prefix them) for every file in package.json `n8n.credentials`. */
export function declaredCredentialTypes(packageDir: string): string[] {
	const pkg = readPackageJson(packageDir);
	return (pkg.n8n?.credentials ?? []).map(
		(file) => instantiate<{ name: string }>(packageDir, file, /\.credentials\.js$/).name,
	);
}
