#!/usr/bin/env node
'use strict';
// `npm run bench`: 1,000 Wazzup sends through the fake with injected 5xx and dropped connections
// (test/bench/wazzup-send.ts does the work). Prints delivered / lost / duplicated and the wall
// time against the rate limit's minimum, beside a model of n8n's own HTTP Request node with
// Retry On Fail on the same faults.
const path = require('node:path');

require('../lib/register-ts');

/** @type {{ main(argv: string[], print: (line: string) => void): Promise<number> }} */
const bench = require(path.join(__dirname, '../../test/bench/wazzup-send.ts'));

bench
	.main(process.argv.slice(2), (line) => console.log(line))
	.then(
		(code) => process.exit(code),
		(error) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
			process.exit(1);
		},
	);
