// @ts-check
'use strict';
/**
 * Installs a pinned real n8n once per machine (in the user's cache, keyed by its lockfile) and
 * tells callers how to run it: which n8n entry point, with which node binary.
 *
 *   n8n 1.x (test/e2e/n8n):  system Node 20 (the one running this script).
 *   n8n 2.x (test/e2e/n8n2): Node 24 from test/e2e/node24; native modules built against its headers.
 *
 * Both installs take minutes because node-gyp builds sqlite3 (and on 1.x isolated-vm) from
 * source: their prebuilds live on GitHub, which this machine cannot reach.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureCachedInstall } = require('./cached-install');
const { ensureNode24 } = require('./ensure-node24');
const { harnessDir, harness2Dir } = require('./n8n-paths');
const { runNpm } = require('./run-npm');

/**
 * @typedef {object} N8nRuntime
 * @property {1 | 2} major
 * @property {string} version     n8n's version, e.g. "2.41.1"
 * @property {string} nodeVersion e.g. "v24.21.0"
 * @property {string} nodeBin     run n8n with this, never with whatever `node` is first on PATH
 * @property {string} n8nBin      node_modules/n8n/bin/n8n of the install
 * @property {string} installDir
 */

const N8N_BIN = path.join('node_modules', 'n8n', 'bin', 'n8n');
const SQLITE3 = path.join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

/** @param {string} sourceDir */
function pinnedN8nVersion(sourceDir) {
	const manifest = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8'));
	return String(manifest.dependencies.n8n);
}

/** @returns {N8nRuntime} */
function ensureN8n1() {
	const version = pinnedN8nVersion(harnessDir);
	const installDir = ensureCachedInstall({
		name: `n8n-${version}`,
		sourceDir: harnessDir,
		what: `n8n ${version}`,
		expectation:
			'about 4 minutes the first time, ~1.8 GB: sqlite3 and isolated-vm build from source',
		// If install scripts were skipped, n8n cannot start without these.
		requiredFiles: [
			N8N_BIN,
			SQLITE3,
			path.join('node_modules', 'isolated-vm', 'out', 'isolated_vm.node'),
		],
		install: (dir) => runNpm(['ci', '--no-audit', '--no-fund', '--ignore-scripts=false'], dir),
	});
	return {
		major: 1,
		version,
		nodeVersion: process.version,
		nodeBin: process.execPath,
		n8nBin: path.join(installDir, N8N_BIN),
		installDir,
	};
}

/**
 * Native modules n8n 2.x needs at run time. Everything else keeps its install script skipped:
 * e.g. @confluentinc/kafka-javascript's script downloads librdkafka and its sources from GitHub,
 * which cannot work offline (only the Kafka node is then unusable).
 */
const N8N2_NATIVE_MODULES = [
	'sqlite3',
	'isolated-vm',
	'@sentry/node-cpu-profiler',
	'@sentry/node-native-stacktrace',
	'msgpackr-extract',
	'cpu-features',
	'ssh2',
	'protobufjs',
	'@parcel/watcher',
];

/** @returns {N8nRuntime} */
function ensureN8n2() {
	const node = ensureNode24();
	const version = pinnedN8nVersion(harness2Dir);
	// npm itself runs on the first `node` on PATH; node-gyp builds for npm_config_nodedir's headers
	// (the machine's npmrc points nodedir at Node 20's).
	const env = {
		PATH: `${path.dirname(node.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: node.nodeDir,
	};
	const installDir = ensureCachedInstall({
		name: `n8n-${version}`,
		sourceDir: harness2Dir,
		what: `n8n ${version} on Node ${node.version}`,
		expectation: 'about 10 minutes the first time, ~3 GB',
		requiredFiles: [N8N_BIN, SQLITE3],
		install: (dir) => {
			runNpm(['ci', '--no-audit', '--no-fund', '--ignore-scripts'], dir, { env });
			runNpm(['rebuild', ...N8N2_NATIVE_MODULES, '--ignore-scripts=false'], dir, { env });
		},
	});
	return {
		major: 2,
		version,
		nodeVersion: `v${node.version}`,
		nodeBin: node.nodeBin,
		n8nBin: path.join(installDir, N8N_BIN),
		installDir,
	};
}

/**
 * @param {1 | 2} [major] which pinned n8n (default 1: what `npm start` runs)
 * @returns {N8nRuntime}
 */
function ensureN8n(major = 1) {
	return major === 2 ? ensureN8n2() : ensureN8n1();
}

/**
 * Which n8n majors the e2e suite runs on, from E2E_N8N: "1", "2" or "both" (the default).
 * @param {string | undefined} value
 * @returns {Array<1 | 2>}
 */
function selectedMajors(value) {
	const wanted = (value ?? '').trim().toLowerCase() || 'both';
	if (wanted === 'both') return [1, 2];
	if (wanted === '1') return [1];
	if (wanted === '2') return [2];
	throw new Error(`E2E_N8N must be 1, 2 or both, not "${value}"`);
}

module.exports = { ensureN8n, selectedMajors };
