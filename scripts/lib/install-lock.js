// @ts-check
'use strict';
/**
 * Two `npm ci` runs into the same directory corrupt each other (one deletes files the other is
 * compiling), and `npm test` in two worktrees, or `npm test` and `npm start`, may well start at the
 * same time. mkdir is atomic, so a lock directory holding the owner's pid serializes them; a lock
 * whose owner died is taken over.
 */
const fs = require('node:fs');
const path = require('node:path');

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
 * Runs `work` while holding the lock directory `lockDir`; waits (printing one line) while another
 * live process holds it.
 * @template T
 * @param {string} lockDir @param {string} label for the waiting message @param {() => T} work
 * @returns {T}
 */
function withInstallLock(lockDir, label, work) {
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		let owner;
		try {
			owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
		} catch {
			owner = undefined; // just created, pid not written yet
		}
		if (owner && !isAlive(owner)) {
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!announced)
			console.log(`${label}: another install is running (pid ${owner ?? '?'}); waiting for it`);
		announced = true;
		sleepSync(2000);
	}
	try {
		fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
		return work();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

module.exports = { withInstallLock, isAlive };
