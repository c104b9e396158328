#!/usr/bin/env node
'use strict';
// CLI entry point; the logic lives in lib/ensure-n8n.js so other scripts and the e2e setup can call it.
const { ensureN8n } = require('./lib/ensure-n8n');

try {
	ensureN8n();
} catch (error) {
	console.error(`ensure-n8n: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
