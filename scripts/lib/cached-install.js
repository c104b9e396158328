// @ts-check
'use strict';
/**
 * One pinned npm install (a committed package.json + package-lock.json) kept in the user's cache
 * and keyed by the lockfile's sha256, so any clone with the same lockfile reuses it and a changed
 * lockfile gets a fresh install next to the old one.
 *
 * The install is atomic: npm runs in a temporary sibling folder, and only a finished, verified
 * install is renamed to its final name and given a marker holding the lockfile sha. An interrupted
 * install therefore never looks finished; its leftovers are removed by the next run.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { cacheRoot, locksDir } = require('./cache-dirs');
const { withInstallLock, isAlive } = require('./install-lock');

const MARKER = '.omnichannel-installed-lockfile.sha256';

/**
 * @typedef {object} CachedInstallSpec
 * @property {string} name        folder prefix in the cache, e.g. "n8n-2.41.1"
 * @property {string} sourceDir   holds the committed package.json and package-lock.json
 * @property {string} what        for progress lines, e.g. "n8n 2.41.1"
 * @property {string} expectation for the first install, e.g. "about 10 minutes the first time, ~3 GB"
 * @property {string[]} requiredFiles relative to the install folder; all must exist afterwards
 * @property {(dir: string) => void} install runs npm in `dir` (package files already copied there)
 */

/** @param {string} file */
function sha256Of(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** @param {CachedInstallSpec} spec @param {string} dir @param {string} sha */
function isComplete(spec, dir, sha) {
	let marker;
	try {
		marker = fs.readFileSync(path.join(dir, MARKER), 'utf8').trim();
	} catch {
		return false;
	}
	return marker === sha && spec.requiredFiles.every((file) => fs.existsSync(path.join(dir, file)));
}

/** Temporary folders of installs whose process died (killed, machine rebooted): gigabytes each. */
function removeAbandonedPartials(/** @type {string} */ finalDir) {
	const prefix = `${path.basename(finalDir)}.partial-`;
	for (const entry of fs.readdirSync(path.dirname(finalDir))) {
		if (!entry.startsWith(prefix)) continue;
		if (isAlive(Number(entry.slice(prefix.length)))) continue;
		fs.rmSync(path.join(path.dirname(finalDir), entry), { recursive: true, force: true });
	}
}

/** @param {number} ms */
function minutesSeconds(ms) {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * Returns the folder holding a finished install of `spec`, installing it first if needed.
 * @param {CachedInstallSpec} spec
 * @returns {string}
 */
function ensureCachedInstall(spec) {
	const lockfile = path.join(spec.sourceDir, 'package-lock.json');
	const sha = sha256Of(lockfile);
	const dir = path.join(cacheRoot, `${spec.name}-${sha.slice(0, 16)}`);
	if (isComplete(spec, dir, sha)) {
		console.log(`ensure: reusing ${spec.what} from ${dir}`);
		return dir;
	}
	// Check again under the lock: the install we waited for may have been this very one.
	return withInstallLock(path.join(locksDir, `${spec.name}.lock`), 'ensure', () => {
		if (isComplete(spec, dir, sha)) {
			console.log(`ensure: ${spec.what} was installed by a concurrent run; reusing it`);
			return dir;
		}
		fs.mkdirSync(cacheRoot, { recursive: true });
		removeAbandonedPartials(dir);
		const partial = `${dir}.partial-${process.pid}`;
		fs.rmSync(partial, { recursive: true, force: true });
		fs.mkdirSync(partial);
		for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
			const from = path.join(spec.sourceDir, file);
			if (fs.existsSync(from)) fs.copyFileSync(from, path.join(partial, file));
		}
		console.log(`ensure: installing ${spec.what} (${spec.expectation}) into ${dir} ...`);
		const started = Date.now();
		try {
			spec.install(partial);
			const missing = spec.requiredFiles.filter((file) => !fs.existsSync(path.join(partial, file)));
			if (missing.length > 0)
				throw new Error(`the install of ${spec.what} finished without: ${missing.join(', ')}`);
			fs.writeFileSync(path.join(partial, MARKER), sha + '\n');
			// A broken install under the final name (files deleted by hand, say) makes way first.
			fs.rmSync(dir, { recursive: true, force: true });
			fs.renameSync(partial, dir);
		} catch (error) {
			fs.rmSync(partial, { recursive: true, force: true });
			throw error;
		}
		console.log(`ensure: installed ${spec.what} in ${minutesSeconds(Date.now() - started)}`);
		return dir;
	});
}

module.exports = { ensureCachedInstall };
