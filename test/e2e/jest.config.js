/**
 * Real-n8n end-to-end tests: each test file starts its own n8n (5-10 s) with the packed package
 * installed as a community package. Run through `npm run test:e2e`, which builds first.
 */
const path = require('node:path');

/** "n8n 2.41.1" for E2E_N8N=2: jest prints it on every PASS/FAIL line, so a result never hides its version. */
function n8nLabel() {
	const folder = process.env.E2E_N8N === '2' ? 'n8n2' : 'n8n';
	const manifest = require(path.join(__dirname, folder, 'package.json'));
	return `n8n ${manifest.dependencies.n8n}`;
}

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	displayName: n8nLabel(),
	testEnvironment: 'node',
	// Stryker's sandbox copies of the project must not be taken for the project.
	modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	// n8n is installed in ~/.cache now, but older checkouts may still have a 1.7 GB node_modules here.
	modulePathIgnorePatterns: [
		'<rootDir>/test/e2e/n8n/',
		'<rootDir>/test/e2e/n8n2/',
		'<rootDir>/test/e2e/node24/',
		'<rootDir>/.e2e/',
		'<rootDir>/.n8n-local/',
	],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	// n8n boots in ~5 s, each CLI call takes ~2 s, and the first run may install n8n (globalSetup has no timeout).
	testTimeout: 180_000,
	// n8n servers are heavy (≈0.8 GB each on 2 cores): one test file at a time.
	maxWorkers: 1,
};
