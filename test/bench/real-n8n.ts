/**
 * What test/e2e/global-setup.ts does for a jest run, for a benchmark script: make sure the pinned
 * real n8n is installed, give this run its own folder under .e2e/runs, and pack the built package,
 * so the e2e harness (N8nInstance) works outside jest. The package must be built (`npm run bench`
 * builds first).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8n } from '../../scripts/lib/ensure-n8n';
import type { N8nRuntime } from '../e2e/harness/paths';
import { packPackageUnderTest } from '../e2e/harness/packed-package';
import { e2eDir, packageUnderTestDir } from '../e2e/harness/paths';

export function prepareRealN8n(major: 1 | 2, label: string): N8nRuntime {
	const runtime = ensureN8n(major);
	process.env.E2E_N8N = String(runtime.major);
	process.env.E2E_N8N_RUNTIME = JSON.stringify(runtime);
	const runDir = path.join(
		e2eDir,
		'runs',
		`${new Date().toISOString().replace(/[:.]/g, '')}-${label}-n8n${runtime.major}-${process.pid}`,
	);
	fs.mkdirSync(runDir, { recursive: true });
	process.env.E2E_RUN_DIR = runDir;
	if (!fs.existsSync(path.join(packageUnderTestDir(), 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does)');
	}
	packPackageUnderTest();
	return runtime;
}
