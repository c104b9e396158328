'use strict';
/** Runs npm with our cache dir, inheriting the terminal, and fails loudly. */
const { spawnSync } = require('node:child_process');
const { npmCacheDir } = require('./cache-dirs');

/**
 * Under `npm test` / `npx`, npm exports its own settings to child processes as npm_config_*:
 * the root .npmrc's ignore-scripts=true would then silently skip n8n's native builds (sqlite3,
 * isolated-vm), and npm_config_cache would point at ~/.npm. Each install folder's own .npmrc
 * decides instead, and the cache is always ours (~/.cache/n8n-nodes-omnichannel-ai/npm), shared
 * by every clone. `extra` adds settings on top (e.g. PATH and npm_config_nodedir for Node 24).
 * @param {NodeJS.ProcessEnv} [extra]
 */
function npmEnv(extra = {}) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)),
	);
	return { ...env, npm_config_cache: npmCacheDir, ...extra };
}

/**
 * @param {string[]} args @param {string} cwd
 * @param {{ capture?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string} stdout when captured
 */
function runNpm(args, cwd, options = {}) {
	const result = spawnSync('npm', args, {
		cwd,
		env: npmEnv(options.env),
		stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(
			`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`,
		);
	}
	return result.stdout ?? '';
}

module.exports = { npmEnv, runNpm };
