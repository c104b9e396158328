import * as path from 'node:path';
import type { N8nRuntime } from '../../../scripts/lib/ensure-n8n';
import { repoRoot } from '../../../scripts/lib/n8n-paths';

export { e2eDir, repoRoot, harnessDir } from '../../../scripts/lib/n8n-paths';
export type { N8nRuntime };

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

/**
 * The n8n this jest run tests (chosen by E2E_N8N, installed by global-setup): its version, and
 * which node binary runs it (n8n 2.x needs Node 24; jest itself runs on the system Node 20).
 */
export function n8nRuntime(): N8nRuntime {
	const json = process.env.E2E_N8N_RUNTIME;
	if (!json)
		throw new Error(
			'E2E_N8N_RUNTIME is not set: run the e2e tests with `npm run test:e2e` (its globalSetup sets it)',
		);
	return JSON.parse(json) as N8nRuntime;
}

/** 1 or 2, for the few places where n8n's majors behave differently. */
export const n8nMajor = (): 1 | 2 => n8nRuntime().major;

/** The environment's PATH with the runtime's node first, for anything n8n starts by name. */
export function pathWithRuntimeNode(env: NodeJS.ProcessEnv): string {
	return [path.dirname(n8nRuntime().nodeBin), env.PATH ?? ''].join(path.delimiter);
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
