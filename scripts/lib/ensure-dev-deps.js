/**
 * `pretest`: makes `npm test` work on a fresh clone without a separate `npm ci`, and keeps an
 * up-to-date checkout fast by skipping the install when node_modules is newer than the lockfile.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { repoRoot } = require('./n8n-paths');
const { runNpm } = require('./run-npm');

/** @param {string} file @returns {number | undefined} */
function mtimeMs(file) {
	try {
		return fs.statSync(file).mtimeMs;
	} catch {
		return undefined;
	}
}

function ensureDevDeps() {
	const lockfile = path.join(repoRoot, 'package-lock.json');
	// npm rewrites node_modules/.package-lock.json on every install, so its age is the install's age.
	const installedAt =
		mtimeMs(path.join(repoRoot, 'node_modules', '.package-lock.json')) ??
		mtimeMs(path.join(repoRoot, 'node_modules'));
	const lockedAt = mtimeMs(lockfile);
	if (installedAt !== undefined && (lockedAt === undefined || installedAt >= lockedAt)) {
		console.log('ensure-dev-deps: node_modules is up to date');
		return;
	}
	console.log(
		installedAt === undefined
			? 'ensure-dev-deps: node_modules missing; running npm ci'
			: 'ensure-dev-deps: package-lock.json is newer than node_modules; running npm ci',
	);
	runNpm(['ci', '--no-audit', '--no-fund'], repoRoot);
}

module.exports = { ensureDevDeps };
