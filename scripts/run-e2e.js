#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run test:e2e` (after the build): the whole real-n8n suite once per n8n major, one jest run
 * each, so every result line says which n8n it is about. E2E_N8N=1 | 2 | both (default both).
 * Extra arguments go to jest, e.g. `npm run test:e2e -- test/e2e/smoke`.
 * Both runs always happen (a 1.x failure must not hide the 2.x result); the exit code is 1 if any failed.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { selectedMajors } = require('./lib/ensure-n8n');
const { repoRoot, harnessDir, harness2Dir } = require('./lib/n8n-paths');

const jestBin = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const config = path.join(repoRoot, 'test', 'e2e', 'jest.config.js');

/** "n8n 2.41.1", from the pinned folder's package.json. @param {1 | 2} major */
function pinnedLabel(major) {
	const manifest = require(path.join(major === 2 ? harness2Dir : harnessDir, 'package.json'));
	return `n8n ${manifest.dependencies.n8n}`;
}

/** @param {number} ms */
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function main() {
	const majors = selectedMajors(process.env.E2E_N8N);
	/** @type {string[]} */
	const summary = [];
	let failed = false;
	for (const major of majors) {
		const label = pinnedLabel(major);
		console.log(`\n════ e2e on ${label} (E2E_N8N=${major}) ════`);
		const started = Date.now();
		// global-setup installs and names the exact version; the test files read E2E_N8N.
		const result = spawnSync(
			process.execPath,
			[jestBin, '--config', config, '--runInBand', ...process.argv.slice(2)],
			{ cwd: repoRoot, stdio: 'inherit', env: { ...process.env, E2E_N8N: String(major) } },
		);
		const ok = result.status === 0;
		failed ||= !ok;
		summary.push(`${label}: ${ok ? 'passed' : 'FAILED'} in ${seconds(Date.now() - started)}`);
		console.log(`════ e2e on ${label}: ${ok ? 'passed' : 'FAILED'} ════`);
	}
	console.log(`\ne2e summary: ${summary.join('; ')}`);
	process.exit(failed ? 1 : 0);
}

main();
