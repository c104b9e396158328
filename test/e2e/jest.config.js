/**
 * Real-n8n end-to-end tests: each test file starts its own n8n (5-10 s) with the packed package
 * installed as a community package. Run through `npm run test:e2e`, which builds first.
 */
const path = require('node:path');

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/n8n/'],
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/n8n/', '<rootDir>/.e2e/', '<rootDir>/.n8n-local/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	// n8n boots in ~5 s, each CLI call takes ~2 s, and the first run may install n8n (globalSetup has no timeout).
	testTimeout: 180_000,
	// n8n servers are heavy (≈0.8 GB each on 2 cores): one test file at a time.
	maxWorkers: 1,
};
