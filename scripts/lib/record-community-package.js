'use strict';
/**
 * Records an installed community package the way n8n's installer does, so that it is listed under
 * Settings → Community nodes (n8n lists what its database says is installed, not what is on disk).
 *
 * n8n (1.123) `CommunityPackagesService.installOrUpdatePackage` does, after unpacking the tarball:
 *  1. `<userFolder>/.n8n/nodes/package.json`: dependencies[name] = version;
 *  2. `PackageDirectoryLoader(dir).loadAll()`, then
 *     `InstalledPackagesRepository.saveInstalledPackageWithNodes(loader)`: one installed_packages
 *     row (name, version, author) and one installed_nodes row per loaded node
 *     (displayName, `<package>.<node name>`, version).
 * n8n offers no supported way to register an already unpacked package: its REST/CLI install
 * downloads from the npm registry (a custom registry needs an enterprise licence). So step 2 uses
 * n8n's own PackageDirectoryLoader (from the n8n install) for the exact rows, and writes them with
 * n8n's own sqlite3 into the tables of migration 1652254514001-CommunityNodes. SQLite only.
 *
 * Runs as a child process (n8n-core is heavy, and the caller stays synchronous).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');

/**
 * @typedef {{ n8nBin: string, packageDir: string, userFolder: string, dbFile: string,
 *   tablePrefix?: string }} RecordOptions
 */

/**
 * @param {RecordOptions} options
 * @returns {{ name: string, version: string, nodes: string[] }}
 */
function recordCommunityPackage(options) {
	const n8nModules = path.resolve(path.dirname(options.n8nBin), '..', '..');
	const result = spawnSync(process.execPath, [__filename, JSON.stringify(options)], {
		// The package requires n8n-workflow; resolve it (as a fallback) from n8n's own modules.
		env: { ...process.env, NODE_PATH: n8nModules },
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(`recording the package in n8n failed (exit ${result.status ?? result.signal})`);
	return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
}

/**
 * `<userFolder>/.n8n/nodes/package.json`, as CommunityPackagesService writes it.
 * @param {string} userFolder @param {string} name @param {string} version
 */
function recordInNodesPackageJson(userFolder, name, version) {
	const file = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	/** @type {{ name: string, private: boolean, dependencies: Record<string, string> }} */
	let json = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(file)) json = JSON.parse(fs.readFileSync(file, 'utf8'));
	json.dependencies = { ...json.dependencies, [name]: version };
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(json, null, 2), 'utf8');
}

/** @param {RecordOptions} options */
async function recordInChild(options) {
	const n8nRequire = createRequire(
		path.resolve(path.dirname(options.n8nBin), '..', 'package.json'),
	);
	const { PackageDirectoryLoader } = n8nRequire('n8n-core');
	const sqlite3 = n8nRequire('sqlite3');

	const loader = new PackageDirectoryLoader(options.packageDir);
	await loader.loadAll();
	const { name, version, author } = loader.packageJson;
	/** @type {Array<{ name: string, type: string, latestVersion: number }>} */
	const nodes = loader.loadedNodes.map((/** @type {{ name: string, version: number }} */ node) => ({
		name: loader.nodeTypes[node.name].type.description.displayName,
		type: `${name}.${node.name}`,
		latestVersion: node.version,
	}));
	if (nodes.length === 0) throw new Error(`${name} contains no nodes`);

	recordInNodesPackageJson(options.userFolder, name, version);

	if (!fs.existsSync(options.dbFile))
		throw new Error(`n8n's database ${options.dbFile} does not exist yet`);
	const prefix = options.tablePrefix ?? '';
	const db = new sqlite3.Database(options.dbFile);
	/** @param {string} sql @param {unknown[]} [params] @returns {Promise<void>} */
	const run = (sql, params = []) =>
		new Promise((resolve, reject) =>
			db.run(sql, params, (/** @type {Error | null} */ error) =>
				error ? reject(error) : resolve(),
			),
		);
	// The column defaults of that migration are broken string literals; n8n (TypeORM) always
	// writes both timestamps itself, in this format.
	const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
	try {
		await run('PRAGMA busy_timeout = 10000');
		await run('BEGIN IMMEDIATE');
		await run(`DELETE FROM "${prefix}installed_nodes" WHERE "package" = ?`, [name]);
		await run(`DELETE FROM "${prefix}installed_packages" WHERE "packageName" = ?`, [name]);
		await run(
			`INSERT INTO "${prefix}installed_packages" ("packageName", "installedVersion", "authorName", "authorEmail", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
			[name, version, author?.name ?? null, author?.email ?? null, now, now],
		);
		for (const node of nodes)
			await run(
				`INSERT INTO "${prefix}installed_nodes" ("name", "type", "latestVersion", "package") VALUES (?, ?, ?, ?)`,
				[node.name, node.type, node.latestVersion, name],
			);
		await run('COMMIT');
	} catch (error) {
		await run('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		db.close();
	}
	return { name, version, nodes: nodes.map((node) => node.type) };
}

module.exports = { recordCommunityPackage, recordInNodesPackageJson };

if (require.main === module) {
	recordInChild(JSON.parse(process.argv[2] ?? '{}')).then(
		(summary) => process.stdout.write(`${JSON.stringify(summary)}\n`),
		(error) => {
			console.error(`record-community-package: ${error instanceof Error ? error.message : error}`);
			process.exit(1);
		},
	);
}
