'use strict';
/** Runs npm with our cache dir, inheriting the terminal, and fails loudly. */
const { spawnSync } = require('node:child_process');
const { npmCacheDir } = require('./n8n-paths');

/**
 * Under `npm test` / `npx`, npm exports its own settings to child processes as npm_config_*:
 * the root .npmrc's ignore-scripts=true would then silently skip n8n's native builds (sqlite3,
 * isolated-vm) in test/e2e/n8n. Each directory's own .npmrc decides instead; only the cache is kept.
 */
function npmEnv() {
	const cache = process.env.npm_config_cache || npmCacheDir;
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)),
	);
	return { ...env, npm_config_cache: cache };
}

/** @param {string[]} args @param {string} cwd @param {{ capture?: boolean }} [options] @returns {string} stdout when captured */
function runNpm(args, cwd, options = {}) {
	const result = spawnSync('npm', args, {
		cwd,
		env: npmEnv(),
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
