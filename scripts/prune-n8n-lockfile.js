#!/usr/bin/env node
/**
 * Makes test/e2e/n8n/package-lock.json installable with `npm ci` from this machine's registry mirror.
 *
 * Why: the mirror lacks some optional platform packages that n8n's dependencies name
 * (e.g. @msgpackr-extract/msgpackr-extract-darwin-arm64@3.0.7). `npm install` skips them and
 * writes a lockfile without them, but keeps the `optionalDependencies` edge that names them, and
 * `npm ci` then refuses the lockfile ("Missing: … from lock file"). An optional dependency that
 * the lockfile never installs is dead weight, so we drop exactly those edges. Nothing that
 * is installed changes.
 *
 * Run it after every `npm install` in test/e2e/n8n (e.g. when bumping n8n):
 *   node scripts/prune-n8n-lockfile.js [path/to/package-lock.json]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const lockfilePath = path.resolve(
	process.argv[2] ?? path.join(__dirname, '..', 'test', 'e2e', 'n8n', 'package-lock.json'),
);

/**
 * Node's lookup order for `name` required from the package at lockfile key `fromKey`.
 * @param {string} fromKey @param {string} name @returns {string[]}
 */
function candidateKeys(fromKey, name) {
	const keys = [];
	let dir = fromKey;
	for (;;) {
		keys.push(dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`);
		if (dir === '') break;
		const cut = dir.lastIndexOf('/node_modules/');
		dir = cut === -1 ? '' : dir.slice(0, cut);
	}
	return keys;
}

/**
 * @param {{ packages: Record<string, { optionalDependencies?: Record<string, string> }> }} lock
 * @returns {string[]}
 */
function prune(lock) {
	const removed = [];
	for (const [key, entry] of Object.entries(lock.packages ?? {})) {
		const optional = entry.optionalDependencies;
		if (!optional) continue;
		for (const name of Object.keys(optional)) {
			const present = candidateKeys(key, name).some((candidate) => candidate in lock.packages);
			if (present) continue;
			removed.push(`${key || '(root)'} -> ${name}@${optional[name]}`);
			delete optional[name];
		}
		if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
	}
	return removed;
}

const raw = fs.readFileSync(lockfilePath, 'utf8');
const lock = JSON.parse(raw);
const removed = prune(lock);
if (removed.length === 0) {
	console.log(`prune-n8n-lockfile: nothing to prune in ${lockfilePath}`);
} else {
	fs.writeFileSync(lockfilePath, JSON.stringify(lock, null, 2) + '\n');
	console.log(
		`prune-n8n-lockfile: dropped ${removed.length} optional edge(s) to packages the lockfile never installs:`,
	);
	for (const line of removed) console.log(`  ${line}`);
}
