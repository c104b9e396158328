#!/usr/bin/env node
'use strict';
// `npm run bench`: runs every benchmark in this folder, one after another, and exits 1 when any
// of them misses its target (each prints its own figures beside n8n's equivalent). Arguments are
// passed to every bench. The real-n8n benches need a build, which `npm run bench` does first.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const benches = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.js') && file !== path.basename(__filename))
	.sort();

const failed = [];
for (const file of benches) {
	const started = Date.now();
	console.log(`\n════ bench: ${file} ════`);
	const result = spawnSync(
		process.execPath,
		[path.join(__dirname, file), ...process.argv.slice(2)],
		{
			stdio: 'inherit',
		},
	);
	console.log(
		`════ ${file}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	if (result.status !== 0) failed.push(file);
}
console.log(
	failed.length === 0 ? '\nbench: every target met' : `\nbench: FAILED: ${failed.join(', ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
