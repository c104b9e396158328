import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureN8n } from '../../scripts/lib/ensure-n8n';
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
 * Once per jest run: make sure the real n8n is installed, give this run its own folder, and pack
 * the (already built) package so every test installs the same tarball.
 */
export default function globalSetup(): void {
	ensureN8n();
	pruneOldRuns();
	const runDir = path.join(
		runsDir,
		`${new Date().toISOString().replace(/[:.]/g, '')}-${process.pid}`,
	);
	fs.mkdirSync(runDir, { recursive: true });
	// Test files see this: jest hands its environment to the test processes it starts after setup.
	process.env.E2E_RUN_DIR = runDir;

	const dir = packageUnderTestDir();
	if (!fs.existsSync(path.join(dir, 'dist')))
		throw new Error(`${dir}/dist is missing: build first (\`npm run test:e2e\` does)`);
	const packed = packPackageUnderTest();
	// eslint-disable-next-line no-console -- jest global setup: one line saying what is under test
	console.log(
		`\ne2e: testing ${packed.name}@${packed.version} from ${dir}; files in ${path.relative(process.cwd(), runDir)}`,
	);
}
