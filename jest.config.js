/** Unit tests: fast, in-process, against fake providers on 127.0.0.1. The real-n8n suite has its own config in test/e2e. */
module.exports = {
	testEnvironment: 'node',
	// Stryker's sandbox copies of the project must not be taken for the project.
	modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
	// nodes/ and credentials/ too, so `--findRelatedTests` (Stryker's) maps a source file to its tests.
	roots: ['<rootDir>/test/unit', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type errors are caught by `npm run typecheck`; transpiling only keeps the suite fast.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 20000,
};
