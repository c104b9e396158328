#!/usr/bin/env node
'use strict';
// CLI entry point; the logic lives in lib/ensure-dev-deps.js so other scripts and the e2e setup can call it.
const { ensureDevDeps } = require('./lib/ensure-dev-deps');

try {
	ensureDevDeps();
} catch (error) {
	console.error(`ensure-dev-deps: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
