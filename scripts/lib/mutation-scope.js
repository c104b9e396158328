// @ts-check
'use strict';
/**
 * What the mutation targets of issue #14 cover, in one place: stryker.config.mjs mutates it
 * (`MUTATE=triggers`) and scripts/mutation-report.js scores it, so the two cannot drift apart.
 *
 * "Trigger secret / parse / dedupe" is the code between a delivery arriving and a run starting:
 * the kit's webhook front door (secret checks and digests, URL tokens, body and Content-Type
 * checks, the dedupe memories, the answers), each trigger's parser and validator, its secret or
 * token, its dedupe memory and the item builders that drop repeats, and the `webhook()` method of
 * each *Trigger.node.ts that chains them. Only that method of the node file: the rest of it is
 * the node's UI description, which no test should have to pin.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Whole files (paths relative to the repository, forward slashes). */
const TRIGGER_FILES = [
	/^nodes\/shared\/webhook\/[^/]+\.ts$/,
	/^nodes\/[^/]+\/trigger\/(parse|validate|secret|token|webhookUrl|memory)\.ts$/,
	// Where Wazzup and 360dialog drop repeated deliveries while building items.
	/^nodes\/Wazzup\/trigger\/items\.ts$/,
	/^nodes\/Dialog360\/trigger\/pipeline\.ts$/,
];

/** The same files as Stryker globs. */
const TRIGGER_GLOBS = [
	'nodes/shared/webhook/*.ts',
	'nodes/*/trigger/{parse,validate,secret,token,webhookUrl,memory}.ts',
	'nodes/Wazzup/trigger/items.ts',
	'nodes/Dialog360/trigger/pipeline.ts',
];

const NODE_FILE = /^nodes\/[^/]+\/[A-Za-z0-9]+Trigger\.node\.ts$/;

/**
 * `nodes/X/XTrigger.node.ts:<first>-<last>`: the lines of each trigger's `webhook()` method, from
 * its signature to the closing brace at the class's indentation (Stryker's mutation ranges).
 * @returns {string[]}
 */
function webhookMethodRanges() {
	/** @type {string[]} */
	const ranges = [];
	for (const provider of fs.readdirSync(path.join(root, 'nodes')).sort()) {
		const folder = path.join(root, 'nodes', provider);
		if (!fs.statSync(folder).isDirectory()) continue;
		for (const name of fs.readdirSync(folder).sort()) {
			const file = `nodes/${provider}/${name}`;
			if (!NODE_FILE.test(file)) continue;
			const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
			const first = lines.findIndex((line) => /^\tasync webhook\(/.test(line));
			if (first === -1) continue; // a polling trigger has no webhook() method
			const last = lines.findIndex((line, index) => index > first && line === '\t}');
			if (last === -1) throw new Error(`${file}: the end of webhook() was not found`);
			ranges.push(`${file}:${first + 1}-${last + 1}`);
		}
	}
	return ranges;
}

/** @returns {string[]} the `mutate` list for `MUTATE=triggers` */
function triggerScope() {
	return [...TRIGGER_GLOBS, ...webhookMethodRanges()];
}

/**
 * Whether a mutant at `line` of `file` counts for the trigger target: anywhere in the files
 * above, and in a node file only inside its webhook() method.
 * @param {string} file relative, forward slashes
 * @param {number} line 1-based
 */
function isTriggerCode(file, line) {
	if (TRIGGER_FILES.some((pattern) => pattern.test(file))) return true;
	if (!NODE_FILE.test(file)) return false;
	return webhookMethodRanges().some((range) => {
		const [name, lines] = range.split(':');
		const [first, last] = lines.split('-').map(Number);
		return name === file && first <= line && line <= last;
	});
}

module.exports = { triggerScope, isTriggerCode };
