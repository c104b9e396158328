'use strict';
/** Where things live. One place, so the scripts and the TypeScript e2e harness agree. */
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const harnessDir = path.join(repoRoot, 'test', 'e2e', 'n8n');

module.exports = {
	repoRoot,
	/** The pinned real n8n (own package.json + lockfile, so its overrides never reach ours). */
	harnessDir,
	harnessLockfile: path.join(harnessDir, 'package-lock.json'),
	/** Written by ensure-n8n after a successful `npm ci`; holds the lockfile's sha256. */
	harnessMarker: path.join(harnessDir, 'node_modules', '.omnichannel-installed-lockfile.sha256'),
	/** Run with process.execPath, never via PATH: the first `node` on PATH may be another version. */
	n8nBin: path.join(harnessDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	n8nBinLink: path.join(harnessDir, 'node_modules', '.bin', 'n8n'),
	/** Keeps npm's cache (and logs) out of ~/.npm and makes it cacheable in CI. */
	npmCacheDir: path.join(repoRoot, '.cache', 'npm'),
	e2eDir: path.join(repoRoot, '.e2e'),
	localDir: path.join(repoRoot, '.n8n-local'),
	workflowsDir: path.join(repoRoot, 'workflows'),
};
