#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the real-browser e2e test
 * (test/e2e/node-search.e2e.test.ts) and `npm run screenshots`. puppeteer-core never downloads a
 * browser, so the system one is used.
 *
 * - Present: prints its version and exits 0.
 * - Missing and we are root with apt-get: `apt-get install -y chromium` (runs `apt-get update`
 *   first only if the package is unknown to apt).
 * - Missing otherwise: explains how to install it and exits 1 if E2E_REQUIRE_BROWSER is set (CI),
 *   else 0 (the browser test then skips with a message).
 *
 * CHROMIUM_PATH overrides the path (the tests read the same variable).
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = Boolean(process.env.E2E_REQUIRE_BROWSER);

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
	console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	return result.status === 0;
}

function version() {
	const result = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' });
	return (result.stdout || '').trim() || '(version unknown)';
}

/** @param {string} name */
function hasCommand(name) {
	return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function aptKnowsChromium() {
	return spawnSync('apt-cache', ['show', 'chromium'], { stdio: 'ignore' }).status === 0;
}

function main() {
	if (fs.existsSync(chromiumPath)) {
		console.log(`ensure-chromium: ${chromiumPath} present: ${version()}`);
		return 0;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	// apt-get installs /usr/bin/chromium only; a custom CHROMIUM_PATH is the caller's to provide.
	if (isRoot && hasCommand('apt-get') && chromiumPath === '/usr/bin/chromium') {
		if (!aptKnowsChromium()) run('apt-get', ['update']);
		if (run('apt-get', ['install', '-y', 'chromium'])) {
			if (fs.existsSync(chromiumPath)) {
				console.log(`ensure-chromium: installed ${chromiumPath}: ${version()}`);
				return 0;
			}
		}
		console.error(`ensure-chromium: apt-get did not produce ${chromiumPath}`);
		return required ? 1 : 0;
	}
	console.error(
		`ensure-chromium: ${chromiumPath} is missing and cannot be installed here ` +
			`(${isRoot ? 'no apt-get, or CHROMIUM_PATH is not /usr/bin/chromium' : 'not root'}). Install it with \`sudo apt-get install -y chromium\` ` +
			'(Debian/Ubuntu), or point CHROMIUM_PATH at a Chrome/Chromium binary. ' +
			(required
				? 'E2E_REQUIRE_BROWSER is set, so this is an error.'
				: 'Without it the browser e2e test is skipped.'),
	);
	return required ? 1 : 0;
}

process.exit(main());
