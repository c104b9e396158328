#!/usr/bin/env node
'use strict';
// `npm run bench`: every benchmark in scripts/bench/ (each a *.js script but this one), one after
// the other, each in its own process. Arguments after `--` go to every bench. Exits 1 if any did.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const benches = fs
	.readdirSync(__dirname)
	.filter((name) => name.endsWith('.js') && name !== path.basename(__filename))
	.sort();
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

let failed = 0;
for (const name of benches) {
	if (only && !only.includes(name.replace(/\.js$/, ''))) continue;
	console.log(`\n==== ${name} ====`);
	const started = Date.now();
	const run = spawnSync(process.execPath, [path.join(__dirname, name), ...process.argv.slice(2)], {
		stdio: 'inherit',
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(`==== ${name}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s ====`);
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
