#!/usr/bin/env node
'use strict';
/**
 * CLI entry point; the logic lives in lib/ensure-n8n.js so other scripts and the e2e setup can call it.
 * Installs the n8n versions E2E_N8N selects (1, 2 or both; default both) into ~/.cache.
 */
const { ensureN8n, selectedMajors } = require('./lib/ensure-n8n');

try {
	for (const major of selectedMajors(process.env.E2E_N8N)) {
		const runtime = ensureN8n(major);
		console.log(
			`ensure-n8n: n8n ${runtime.version} on Node ${runtime.nodeVersion}: ${runtime.n8nBin}`,
		);
	}
} catch (error) {
	console.error(`ensure-n8n: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
