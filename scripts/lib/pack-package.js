'use strict';
/**
 * Packs a community node package and installs the tarball the way n8n's own installer lays it out:
 * <userFolder>/.n8n/nodes/node_modules/<package name>. Unpacking the tarball (not symlinking the
 * source) means only the published files are there and `require('n8n-workflow')` resolves to
 * n8n's own copy, exactly as on a user's machine.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { runNpm } = require('./run-npm');

/** @typedef {{ tgzPath: string, name: string, version: string }} PackedPackage */

/**
 * `npm pack` of an already-built package directory.
 * @param {string} packageDir @param {string} destDir
 * @returns {PackedPackage}
 */
function packPackage(packageDir, destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const stdout = runNpm(['pack', '--json', '--pack-destination', destDir], packageDir, {
		capture: true,
	});
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return {
		tgzPath: path.join(destDir, packed.filename),
		name: packed.name,
		version: packed.version,
	};
}

/**
 * The directory n8n scans for installed community packages.
 * @param {string} userFolder @returns {string}
 */
function communityNodesDir(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules');
}

/**
 * Replaces any previous copy, so a re-run never mixes old and new dist files.
 * @param {string} tgzPath @param {string} packageName @param {string} userFolder
 * @returns {string} the installed package directory
 */
function installPackedPackage(tgzPath, packageName, userFolder) {
	const nodeModules = communityNodesDir(userFolder);
	const target = path.join(nodeModules, packageName);
	fs.mkdirSync(nodeModules, { recursive: true });
	const unpackDir = fs.mkdtempSync(path.join(path.dirname(nodeModules), '.unpack-'));
	try {
		execFileSync('tar', ['xzf', tgzPath, '-C', unpackDir]);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.renameSync(path.join(unpackDir, 'package'), target);
	} finally {
		fs.rmSync(unpackDir, { recursive: true, force: true });
	}
	return target;
}

module.exports = { packPackage, installPackedPackage, communityNodesDir };
