'use strict';
/** Runs npm with our cache dir, inheriting the terminal, and fails loudly. */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
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

/** `npm ci` / `npm install` print a warning stream for minutes; these get a progress report instead. */
const LONG_COMMANDS = new Set(['ci', 'install', 'i']);

/**
 * @param {string[]} args @param {string} cwd
 * @param {{ capture?: boolean, progress?: string | false, env?: NodeJS.ProcessEnv }} [options] `progress`: a label for the
 *   progress lines of a long install (default for ci/install: "npm <command> in <dir>"); false
 *   shows npm's raw output.
 * @returns {string} stdout when captured
 */
function runNpm(args, cwd, options = {}) {
	const env = npmEnv(options.env);
	const progress =
		options.progress ??
		(LONG_COMMANDS.has(args[0]) ? `npm ${args[0]} in ${path.basename(cwd)}` : false);
	if (progress && !options.capture) {
		const slug = progress.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
		const logFile = path.join(env.npm_config_cache ?? npmCacheDir, '..', 'logs', `${slug}.log`);
		const progressScript = path.join(__dirname, 'npm-progress.js');
		// A child node process, so the caller can stay synchronous while progress ticks.
		const result = spawnSync(process.execPath, [progressScript, progress, logFile, cwd, ...args], {
			env,
			stdio: 'inherit',
		});
		if (result.error) throw result.error;
		if (result.status !== 0)
			throw new Error(
				`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal}; log: ${logFile})`,
			);
		return '';
	}
	const result = spawnSync('npm', args, {
		cwd,
		env,
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
