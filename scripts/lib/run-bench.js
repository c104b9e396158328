// @ts-check
'use strict';
/**
 * What every launcher in scripts/bench/ does, kept in one place so the benches cannot drift apart
 * in how they start or report a crash: load the repository's TypeScript, run the bench module's
 * `main` with this process's arguments, print its lines, and exit with its code (1 on a crash,
 * with the stack, so `npm run bench` counts the bench as failed).
 *
 * It lives in scripts/lib, not scripts/bench, because run-all.js runs every *.js file there.
 */
const path = require('node:path');

require('./register-ts');

/**
 * @param {string} benchFile the bench module, relative to the repository root (e.g. 'test/bench/wazzup-send.ts')
 * @returns {void}
 */
function runBench(benchFile) {
	/** @type {{ main(argv: string[], print: (line: string) => void): Promise<number> }} */
	const bench = require(path.join(__dirname, '../..', benchFile));

	bench
		.main(process.argv.slice(2), (line) => console.log(line))
		.then(
			(code) => process.exit(code),
			(error) => {
				console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
				process.exit(1);
			},
		);
}

module.exports = { runBench };
