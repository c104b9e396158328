#!/usr/bin/env node
/**
 * Makes sure Debian's redis-server and PostgreSQL are installed for the queue-mode e2e test
 * (test/e2e/queue-mode.e2e.test.ts). Nothing is started here and no system service is used: the
 * test runs its own redis-server and postgres from a temp folder, on 127.0.0.1 only.
 *
 * - Present: prints the paths and exits 0.
 * - Missing and we are root with apt-get: `apt-get install -y --no-install-recommends
 *   redis-server postgresql` (with `apt-get update` first only if apt does not know them).
 * - Missing otherwise: exits 1 naming the command to run.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PACKAGES = ['redis-server', 'postgresql'];

/** @returns {string | undefined} */
function redisServerPath() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	const fromPath = (found.stdout || '').trim();
	if (found.status === 0 && fromPath) return fromPath;
	return fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined;
}

/** The newest /usr/lib/postgresql/<major>/bin with initdb and postgres (Debian's layout). */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	return fs
		.readdirSync(root)
		.filter((major) => /^\d+$/.test(major))
		.sort((a, b) => Number(b) - Number(a))
		.map((major) => path.join(root, major, 'bin'))
		.find((dir) => ['initdb', 'postgres'].every((bin) => fs.existsSync(path.join(dir, bin))));
}

/** @returns {{ redisServer: string, postgresBin: string } | undefined} */
function findQueueServices() {
	const redisServer = redisServerPath();
	const postgresBin = postgresBinDir();
	return redisServer && postgresBin ? { redisServer, postgresBin } : undefined;
}

/** @param {string[]} args */
function apt(args) {
	console.log(`ensure-queue-services: apt-get ${args.join(' ')}`);
	return (
		spawnSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		}).status === 0
	);
}

/**
 * Returns the binaries, installing them with apt-get first when they are missing and we may.
 * @returns {{ redisServer: string, postgresBin: string }}
 */
function ensureQueueServices() {
	const present = findQueueServices();
	if (present) return present;
	const command = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (!isRoot || !hasApt) {
		throw new Error(
			`redis-server and PostgreSQL are needed for the queue-mode test and are missing. Install them (as root: ${command}), or set E2E_QUEUE=0 to skip that test.`,
		);
	}
	const known = PACKAGES.every(
		(name) => spawnSync('apt-cache', ['show', name], { stdio: 'ignore' }).status === 0,
	);
	if (!known) apt(['update']);
	if (!apt(['install', '-y', '--no-install-recommends', ...PACKAGES]))
		throw new Error(`\`${command}\` failed; see its output above`);
	const installed = findQueueServices();
	if (!installed)
		throw new Error(`\`${command}\` succeeded but redis-server or initdb is still missing`);
	return installed;
}

module.exports = { ensureQueueServices, findQueueServices };

if (require.main === module) {
	try {
		const found = ensureQueueServices();
		console.log(
			`ensure-queue-services: redis-server ${found.redisServer}, PostgreSQL ${found.postgresBin}`,
		);
	} catch (error) {
		console.error(`ensure-queue-services: ${/** @type {Error} */ (error).message}`);
		process.exitCode = 1;
	}
}
