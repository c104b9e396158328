// @ts-check
'use strict';
/**
 * Where the big, shareable installs live: outside the clone, so every worktree, clone and CI run
 * on this machine reuses one n8n install per lockfile instead of paying minutes and gigabytes each.
 * Follows the XDG base directory spec: $XDG_CACHE_HOME (if absolute), else ~/.cache.
 */
const os = require('node:os');
const path = require('node:path');

/** @returns {string} */
function userCacheHome() {
	const xdg = process.env.XDG_CACHE_HOME;
	// The spec says to ignore a relative value.
	return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
}

/** ~/.cache/n8n-nodes-omnichannel-ai: one folder per install (<name>-<lockfile sha>), plus npm's cache. */
const cacheRoot = path.join(userCacheHome(), 'n8n-nodes-omnichannel-ai');

module.exports = {
	cacheRoot,
	/** npm's download cache for every install we run (not ~/.npm, not inside the clone). */
	npmCacheDir: path.join(cacheRoot, 'npm'),
	/** Lock directories that serialize installs across processes. */
	locksDir: path.join(cacheRoot, 'locks'),
};
