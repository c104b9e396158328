import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureN8n, selectedMajors } from '../../scripts/lib/ensure-n8n';
import { packPackageUnderTest } from './harness/packed-package';
import { e2eDir, packageUnderTestDir } from './harness/paths';

const runsDir = path.join(e2eDir, 'runs');
/** Finished runs kept for their n8n logs and databases. */
const KEEP_FINISHED_RUNS = 3;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Run folders are named <timestamp>-<pid>: drop old ones whose jest is gone, never a live one. */
function pruneOldRuns(): void {
	if (!fs.existsSync(runsDir)) return;
	const finished = fs
		.readdirSync(runsDir)
		.filter((name) => !isAlive(Number(name.split('-').pop())))
		.sort();
	for (const name of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_RUNS))) {
		fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
	}
}

/**
 * One jest run tests one n8n major: E2E_N8N=1 or 2 (`npm run test:e2e` runs jest once per major;
 * a bare `npx jest --config test/e2e/jest.config.js` tests 1.x).
 */
function targetMajor(): 1 | 2 {
	const majors = selectedMajors(process.env.E2E_N8N ?? '1');
	if (majors.length !== 1)
		throw new Error('one jest run tests one n8n: set E2E_N8N=1 or 2, or use `npm run test:e2e`');
	return majors[0];
}

/**
 * Once per jest run: make sure the real n8n is installed, give this run its own folder, and pack
 * the (already built) package so every test installs the same tarball.
 */
export default function globalSetup(): void {
	const runtime = ensureN8n(targetMajor());
	// Test files see these: jest hands its environment to the test processes it starts after setup.
	process.env.E2E_N8N = String(runtime.major);
	process.env.E2E_N8N_RUNTIME = JSON.stringify(runtime);
	pruneOldRuns();
	const runDir = path.join(
		runsDir,
		`${new Date().toISOString().replace(/[:.]/g, '')}-n8n${runtime.major}-${process.pid}`,
	);
	fs.mkdirSync(runDir, { recursive: true });
	process.env.E2E_RUN_DIR = runDir;

	const dir = packageUnderTestDir();
	if (!fs.existsSync(path.join(dir, 'dist')))
		throw new Error(`${dir}/dist is missing: build first (\`npm run test:e2e\` does)`);
	const packed = packPackageUnderTest();
	// eslint-disable-next-line no-console -- jest global setup: one line saying what is under test
	console.log(
		`\ne2e: n8n ${runtime.version} on Node ${runtime.nodeVersion}: testing ${packed.name}@${packed.version} from ${dir}; files in ${path.relative(process.cwd(), runDir)}`,
	);
}
