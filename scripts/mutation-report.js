#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json) and prints the mutation score per
 * folder, then checks the targets docs/testing.md promises. Exit code 1 when a target is missed,
 * so `npm run test:mutation` fails like any other test command.
 *
 * Score = detected / (detected + undetected), Stryker's own definition: killed and timed-out
 * mutants are detected; survivors and mutants no test reaches are not; mutants that do not
 * compile or were ignored do not count.
 */
const fs = require('node:fs');
const path = require('node:path');

const reportFile = path.join(__dirname, '..', 'reports', 'mutation', 'mutation.json');

/**
 * The targets (issue #14): the shared core, and the code that guards a trigger's front door.
 * @type {Array<{ name: string, minScore: number, matches: (file: string) => boolean }>}
 */
const TARGETS = [
	{
		name: 'nodes/shared',
		minScore: 85,
		matches: (file) => file.startsWith('nodes/shared/'),
	},
	{
		name: 'trigger secret / parse / dedupe',
		minScore: 80,
		matches: (file) =>
			/^nodes\/shared\/webhook\/(secret|recentDeliveries|body)\.ts$/.test(file) ||
			/^nodes\/[^/]+\/trigger\/(parse|memory|dedupe|secret|[a-z]*[Ss]ecret)\.ts$/.test(file),
	},
];

/** @typedef {{ detected: number, undetected: number }} Tally */

/** @param {Tally} tally */
const score = (tally) =>
	tally.detected + tally.undetected === 0
		? 100
		: (100 * tally.detected) / (tally.detected + tally.undetected);

/** @param {string} status @param {Tally} tally */
function count(status, tally) {
	if (status === 'Killed' || status === 'Timeout') tally.detected++;
	else if (status === 'Survived' || status === 'NoCoverage') tally.undetected++;
}

function main() {
	if (!fs.existsSync(reportFile)) {
		console.error(`${reportFile} is missing: run \`npm run test:mutation\` first.`);
		process.exit(1);
	}
	/** @type {{ files: Record<string, { mutants: Array<{ status: string }> }> }} */
	const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
	/** @type {Map<string, Tally>} */
	const folders = new Map();
	/** @type {Map<string, Tally>} */
	const targets = new Map(TARGETS.map((t) => [t.name, { detected: 0, undetected: 0 }]));

	for (const [absolute, file] of Object.entries(report.files)) {
		const relative = path.relative(path.join(__dirname, '..'), path.resolve(absolute));
		const name = relative.split(path.sep).join('/');
		const folder = path.posix.dirname(name);
		const tally = folders.get(folder) ?? { detected: 0, undetected: 0 };
		folders.set(folder, tally);
		for (const mutant of file.mutants) {
			count(mutant.status, tally);
			for (const target of TARGETS) {
				if (target.matches(name))
					count(mutant.status, /** @type {Tally} */ (targets.get(target.name)));
			}
		}
	}

	console.log('\nMutation score per folder (detected / counted):');
	for (const [folder, tally] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
		const counted = tally.detected + tally.undetected;
		console.log(
			`  ${score(tally).toFixed(1).padStart(5)} %  ${String(tally.detected).padStart(4)} / ${String(counted).padEnd(4)}  ${folder}`,
		);
	}

	let missed = false;
	console.log('\nTargets:');
	for (const target of TARGETS) {
		const tally = /** @type {Tally} */ (targets.get(target.name));
		const value = score(tally);
		const ok = tally.detected + tally.undetected > 0 && value >= target.minScore;
		missed ||= !ok;
		console.log(
			`  ${ok ? 'met   ' : 'MISSED'} ${target.name}: ${value.toFixed(1)} % (target ≥ ${target.minScore} %)`,
		);
	}
	process.exit(missed ? 1 : 0);
}

main();
