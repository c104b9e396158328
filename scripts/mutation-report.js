#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json) and prints the mutation score per
 * folder, then checks the targets docs/testing.md promises. Exit code 1 when a target is missed,
 * so `npm run test:mutation` fails like any other test command. A target with no mutant in the
 * report (a scoped run) is shown as not measured, not as missed.
 *
 * The report holds every file Stryker's incremental file remembers, not only the last run's
 * scope: runs folder by folder add up, and the last one prints the combined figure.
 *
 * `--markdown <file>` also writes the summary (scores per folder and file, every survivor with
 * its line and replacement) as Markdown: docs/mutation-report.md is the stored copy.
 *
 * Score = detected / (detected + undetected), Stryker's own definition: killed and timed-out
 * mutants are detected; survivors and mutants no test reaches are not; mutants that do not
 * compile or were ignored do not count.
 */
const fs = require('node:fs');
const path = require('node:path');

const { isTriggerCode } = require('./lib/mutation-scope.js');

const reportFile = path.join(__dirname, '..', 'reports', 'mutation', 'mutation.json');

/**
 * The targets (issue #14): the shared core, and the code between a delivery arriving and a run
 * starting (scripts/lib/mutation-scope.js says which).
 * @type {Array<{ name: string, minScore: number, matches: (file: string, line: number) => boolean }>}
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
		matches: isTriggerCode,
	},
];

/** @typedef {{ detected: number, undetected: number }} Tally */
/** @typedef {{ status: string, mutatorName: string, replacement?: string, location: { start: { line: number } } }} Mutant */

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
	/** @type {{ files: Record<string, { mutants: Mutant[] }> }} */
	const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
	/** @type {Map<string, Tally>} */
	const folders = new Map();
	/** @type {Map<string, Tally>} */
	const files = new Map();
	/** @type {Array<{ file: string, mutant: Mutant }>} */
	const survivors = [];
	/** @type {Map<string, Tally>} */
	const targets = new Map(TARGETS.map((t) => [t.name, { detected: 0, undetected: 0 }]));

	for (const [absolute, file] of Object.entries(report.files)) {
		const relative = path.relative(path.join(__dirname, '..'), path.resolve(absolute));
		const name = relative.split(path.sep).join('/');
		const folder = path.posix.dirname(name);
		const tally = folders.get(folder) ?? { detected: 0, undetected: 0 };
		folders.set(folder, tally);
		const fileTally = { detected: 0, undetected: 0 };
		files.set(name, fileTally);
		for (const mutant of file.mutants) {
			count(mutant.status, tally);
			count(mutant.status, fileTally);
			if (mutant.status === 'Survived' || mutant.status === 'NoCoverage')
				survivors.push({ file: name, mutant });
			for (const target of TARGETS) {
				if (target.matches(name, mutant.location.start.line))
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
	let measured = 0;
	/** @type {string[]} */
	const targetLines = [];
	console.log('\nTargets:');
	for (const target of TARGETS) {
		const tally = /** @type {Tally} */ (targets.get(target.name));
		const value = score(tally);
		const counted = tally.detected + tally.undetected;
		if (counted === 0) {
			targetLines.push(`not measured (no mutant in this report): ${target.name}`);
			continue;
		}
		measured++;
		const ok = value >= target.minScore;
		missed ||= !ok;
		targetLines.push(
			`${ok ? 'met   ' : 'MISSED'} ${target.name}: ${value.toFixed(1)} % (${tally.detected} / ${counted}; target ≥ ${target.minScore} %)`,
		);
	}
	for (const line of targetLines) console.log(`  ${line}`);
	if (measured === 0) console.log('  No target was measured: widen MUTATE.');

	const markdownAt = process.argv.indexOf('--markdown');
	if (markdownAt !== -1) {
		const out = process.argv[markdownAt + 1];
		if (!out) throw new Error('--markdown needs a file name');
		fs.writeFileSync(out, markdown({ folders, files, survivors, targetLines }));
		console.log(`\nSummary written to ${out}`);
	}
	process.exit(missed || measured === 0 ? 1 : 0);
}

/**
 * @param {{ folders: Map<string, Tally>, files: Map<string, Tally>, survivors: Array<{ file: string, mutant: Mutant }>, targetLines: string[] }} summary
 */
function markdown({ folders, files, survivors, targetLines }) {
	/** @param {Map<string, Tally>} map @param {string} what */
	const table = (map, what) => [
		`| ${what} | score | detected / counted |`,
		'| --- | --- | --- |',
		...[...map]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(
				([name, tally]) =>
					`| ${name} | ${score(tally).toFixed(1)} % | ${tally.detected} / ${tally.detected + tally.undetected} |`,
			),
	];
	const escape = (/** @type {string} */ text) =>
		text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 80);
	return [
		'# Mutation report (stored)',
		'',
		'Written by `node scripts/mutation-report.js --markdown docs/mutation-report.md` from',
		'`reports/mutation/mutation.json`; how it was measured and why the survivors are harmless:',
		'[testing.md](testing.md#mutation-testing).',
		'',
		'## Targets',
		'',
		...targetLines.map(
			(line) => `- ${line.replace(/^MISSED|^met {3}/, (word) => `**${word.trim()}**`)}`,
		),
		'',
		'## Per folder',
		'',
		...table(folders, 'folder'),
		'',
		'## Per file',
		'',
		...table(files, 'file'),
		'',
		'## Survivors and mutants no test reaches',
		'',
		'| file:line | mutator | replacement | status |',
		'| --- | --- | --- | --- |',
		...survivors
			.sort((a, b) =>
				a.file === b.file
					? a.mutant.location.start.line - b.mutant.location.start.line
					: a.file.localeCompare(b.file),
			)
			.map(
				({ file, mutant }) =>
					`| ${file}:${mutant.location.start.line} | ${mutant.mutatorName} | \`${escape(mutant.replacement ?? '')}\` | ${mutant.status} |`,
			),
		'',
	].join('\n');
}

main();
