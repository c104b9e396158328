import * as path from 'node:path';
import { repoRoot } from '../../../scripts/lib/n8n-paths';

export { e2eDir, repoRoot, n8nBin, harnessDir } from '../../../scripts/lib/n8n-paths';

/**
 * Everything one jest run writes (the packed tarball, one user folder per N8nInstance) lives in
 * its own directory, created by global-setup, so runs started at the same time (two terminals,
 * two engineers on one machine) never touch each other's files.
 */
export function runDir(): string {
	const dir = process.env.E2E_RUN_DIR;
	if (!dir)
		throw new Error(
			'E2E_RUN_DIR is not set: run the e2e tests with `npm run test:e2e` (its globalSetup sets it)',
		);
	return dir;
}

export const packedPackageFile = (): string => path.join(runDir(), 'packed-package.json');
export const instancesDir = (): string => path.join(runDir(), 'instances');
export const packDir = (): string => path.join(runDir(), 'pack');

/**
 * The package under test: our repo, unless E2E_PACKAGE_DIR points elsewhere (used to prove the
 * harness itself with a throwaway package while our own nodes were still being written).
 */
export function packageUnderTestDir(): string {
	return path.resolve(process.env.E2E_PACKAGE_DIR ?? repoRoot);
}
