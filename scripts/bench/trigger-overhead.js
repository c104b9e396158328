#!/usr/bin/env node
'use strict';
// Trigger overhead in a real n8n 2.x (issue #15): our AI Task and Telegram Bot triggers beside
// n8n's Webhook node and n8n's own Telegram Trigger, plus the long-polling latency
// (test/bench/trigger-overhead.ts does the work). Needs a build (`npm run build`); exits 1 when
// a target is missed.
const path = require('node:path');

require('../lib/register-ts');

/** @type {{ main(argv: string[], print: (line: string) => void): Promise<number> }} */
const bench = require(path.join(__dirname, '../../test/bench/trigger-overhead.ts'));

bench
	.main(process.argv.slice(2), (line) => console.log(line))
	.then(
		(code) => process.exit(code),
		(error) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
			process.exit(1);
		},
	);
