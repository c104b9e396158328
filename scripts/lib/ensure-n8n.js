/**
 * Installs the pinned real n8n (test/e2e/n8n) once per machine and reuses it afterwards.
 * The install takes minutes (node-gyp builds sqlite3 and isolated-vm from source, because their
 * prebuilds live on GitHub), so it is skipped whenever node_modules matches the lockfile: a marker
 * file written after a successful `npm ci` records the lockfile's sha256.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const {
	harnessDir,
	harnessLockfile,
	harnessMarker,
	n8nBinLink,
	npmCacheDir,
} = require('./n8n-paths');
const { runNpm } = require('./run-npm');

/** Outside node_modules (npm ci deletes that) and in a gitignored place. */
const installLockDir = path.join(npmCacheDir, '..', 'n8n-install.lock');

function lockfileHash() {
	return crypto.createHash('sha256').update(fs.readFileSync(harnessLockfile)).digest('hex');
}

function installedHash() {
	try {
		return fs.readFileSync(harnessMarker, 'utf8').trim();
	} catch {
		return undefined;
	}
}

/** @param {number} ms */
function sleepSync(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/**
 * Two `npm ci` runs in the same directory corrupt each other (one deletes files the other is
 * compiling), and `npm test` and `npm start` may well start at the same time. mkdir is atomic, so
 * a lock directory holding the owner's pid serializes them; a lock whose owner died is taken over.
 * @template T
 * @param {() => T} work
 * @returns {T}
 */
function withInstallLock(work) {
	fs.mkdirSync(path.dirname(installLockDir), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(installLockDir);
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		let owner;
		try {
			owner = Number(fs.readFileSync(path.join(installLockDir, 'pid'), 'utf8'));
		} catch {
			owner = undefined; // just created, pid not written yet
		}
		if (owner && !isAlive(owner)) {
			fs.rmSync(installLockDir, { recursive: true, force: true });
			continue;
		}
		if (!announced)
			console.log(`ensure-n8n: another install is running (pid ${owner ?? '?'}); waiting for it`);
		announced = true;
		sleepSync(2000);
	}
	try {
		fs.writeFileSync(path.join(installLockDir, 'pid'), String(process.pid));
		return work();
	} finally {
		fs.rmSync(installLockDir, { recursive: true, force: true });
	}
}

function ensureN8n() {
	if (isInstalled()) {
		console.log(
			`ensure-n8n: reusing the n8n installed in ${harnessDir} (lockfile ${lockfileHash().slice(0, 12)})`,
		);
		return;
	}
	// Check again under the lock: the install we waited for may have been this very one.
	withInstallLock(() => {
		if (isInstalled()) {
			console.log('ensure-n8n: installed by a concurrent run; reusing it');
			return;
		}
		install();
	});
}

/** Built by install scripts; if scripts were skipped, n8n cannot start without them. */
const NATIVE_MODULES = [
	path.join(harnessDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
	path.join(harnessDir, 'node_modules', 'isolated-vm', 'out', 'isolated_vm.node'),
];

function isInstalled() {
	return (
		fs.existsSync(n8nBinLink) &&
		installedHash() === lockfileHash() &&
		NATIVE_MODULES.every((file) => fs.existsSync(file))
	);
}

function install() {
	const wanted = lockfileHash();
	const reason = !fs.existsSync(n8nBinLink)
		? 'not installed yet'
		: installedHash() === undefined
			? 'installed without our marker (by hand?)'
			: installedHash() !== wanted
				? 'the lockfile changed since the last install'
				: 'native modules were not built (install scripts skipped?)';
	console.log(
		`ensure-n8n: ${reason}; running npm ci in ${harnessDir} (a few minutes: native modules build from source)`,
	);
	const started = Date.now();
	// Drop the marker first: an interrupted `npm ci` must never look like a finished one.
	fs.rmSync(harnessMarker, { force: true });
	runNpm(['ci', '--no-audit', '--no-fund', '--ignore-scripts=false'], harnessDir);
	const unbuilt = NATIVE_MODULES.filter((file) => !fs.existsSync(file));
	if (unbuilt.length > 0)
		throw new Error(`npm ci finished but did not build: ${unbuilt.join(', ')}`);
	fs.writeFileSync(harnessMarker, wanted + '\n');
	console.log(`ensure-n8n: installed n8n in ${Math.round((Date.now() - started) / 1000)} s`);
}

module.exports = { ensureN8n };
