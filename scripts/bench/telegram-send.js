#!/usr/bin/env node
'use strict';
// `npm run bench`: Telegram sends at the limit in a real n8n, our Telegram Bot node beside n8n's
// own Telegram node (test/bench/telegram-send.ts does the work). Needs a build (dist/).
const path = require('node:path');

require('../lib/register-ts');

/** @type {{ main(argv: string[], print: (line: string) => void): Promise<number> }} */
const bench = require(path.join(__dirname, '../../test/bench/telegram-send.ts'));

bench
	.main(process.argv.slice(2), (line) => console.log(line))
	.then(
		(code) => process.exit(code),
		(error) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
			process.exit(1);
		},
	);
