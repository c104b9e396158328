#!/usr/bin/env node
/**
 * `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package), run locally.
 * Its CLI only scans packages already published with provenance, so this runs the same two legs
 * on our checkout: the source (package.json and nodes/ + credentials/ *.ts/*.json, with the
 * rules of `n8n-node lint`) and the packed tarball (its *.js and package.json). Also checks that
 * the tarball holds only dist/ plus the files npm always adds. Needs a build (`npm run build`).
 * Prints every finding; exits 1 if either leg fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The scanner ships no types: import it through a variable (typed `any`) and type it here.
const scannerModule = '@n8n/scan-community-package/scanner/scanner.mjs';
/**
 * @typedef {{ passed: boolean, message?: string, details?: string }} AnalysisResult
 * @type {{ analyzePackage: (dir: string, patterns: string[]) => Promise<AnalysisResult>,
 *   SOURCE_FILE_PATTERNS: string[] }}
 */
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerModule);

const require = createRequire(import.meta.url);
/** @type {import('./lib/pack-package.js')} */
const { packPackage } = require('./lib/pack-package.js');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Besides dist/, npm always packs these. */
const ALWAYS_PACKED = /^(package\.json|README(\.md)?|LICEN[CS]E(\.md)?)$/i;

/** @param {string} dir @returns {string[]} paths relative to dir */
function listFiles(dir) {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function main() {
	if (!fs.existsSync(path.join(repoRoot, 'dist'))) {
		console.error('scan: dist/ is missing; run `npm run build` first');
		return 1;
	}
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	try {
		const packed = packPackage(repoRoot, work);
		execFileSync('tar', ['xzf', packed.tgzPath, '-C', work]);
		const packageDir = path.join(work, 'package');
		console.log(`scan: ${packed.name}@${packed.version} (${path.basename(packed.tgzPath)})`);

		let failed = false;
		const stray = listFiles(packageDir).filter(
			(file) => !file.startsWith(`dist${path.sep}`) && !ALWAYS_PACKED.test(file),
		);
		if (stray.length > 0) {
			failed = true;
			console.log(`tarball content: FAILED, files outside dist/:\n  ${stray.join('\n  ')}`);
		} else {
			console.log('tarball content: PASSED (dist/ and package.json, README, LICENSE only)');
		}

		/** @type {Array<[string, string, string[]]>} */
		const legs = [
			['source', repoRoot, SOURCE_FILE_PATTERNS],
			['tarball', packageDir, ['**/*.js', 'package.json']],
		];
		for (const [leg, dir, patterns] of legs) {
			const result = await analyzePackage(dir, patterns);
			console.log(
				`${leg} (${patterns.join(', ')}): ${result.passed ? 'PASSED' : `FAILED: ${result.message}`}`,
			);
			if (result.details) console.log(result.details);
			if (!result.passed) failed = true;
		}
		return failed ? 1 : 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

process.exitCode = await main();
