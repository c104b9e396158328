// Mutation testing (`npm run test:mutation`): Stryker changes the node code on purpose, one
// mutant at a time, and runs the unit tests that cover it; a mutant that leaves them green marks a
// promise no test pins. Scope and thresholds: docs/testing.md.
import { createRequire } from 'node:module';

const { triggerScope } = createRequire(import.meta.url)('./scripts/lib/mutation-scope.js');

// MUTATE=<globs, comma-separated>; the word `triggers` stands for the trigger secret / parse /
// dedupe code that target is scored on (scripts/lib/mutation-scope.js).
const scope = process.env.MUTATE
	? process.env.MUTATE.split(/,(?![^{]*\})/) // commas inside {a,b} are glob syntax
			.flatMap((glob) => (glob === 'triggers' ? triggerScope() : [glob]))
	: [
			'nodes/**/*.ts',
			'!nodes/**/*.node.ts',
			'!nodes/**/descriptions.ts',
			'!nodes/**/description.ts',
		];

// STRYKER_TESTS=<folder> narrows the tests too (e.g. test/unit/shared for nodes/shared): each
// mutant then runs only the tests of that folder that cover it. A nodes/shared mutant otherwise
// loads every provider's test file that imports the kit, about 6 s a mutant on 2 cores instead of 1.
const testRoots = process.env.STRYKER_TESTS
	? process.env.STRYKER_TESTS.split(',').map((folder) => `<rootDir>/${folder}`)
	: ['<rootDir>/test/unit'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: {
		configFile: 'jest.config.js',
		enableFindRelatedTests: true,
		// nodes/ and credentials/ stay roots so that --findRelatedTests maps a source to its tests.
		config: { roots: [...testRoots, '<rootDir>/nodes', '<rootDir>/credentials'] },
	},
	checkers: ['typescript'],
	tsconfigFile: 'tsconfig.json',
	typescriptChecker: { prioritizePerformanceOverAccuracy: true },
	mutate: scope,
	coverageAnalysis: 'perTest',
	ignoreStatic: true,
	incremental: true,
	incrementalFile: process.env.STRYKER_INCREMENTAL_FILE || 'reports/mutation/incremental.json',
	reporters: ['progress', 'json', 'html'],
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	tempDirName: '.stryker-tmp',
	// Only what the unit tests need goes into Stryker's sandbox.
	ignorePatterns: [
		'/dist',
		'/reports',
		'/.e2e',
		'/.n8n-local',
		'/.cache',
		'/test/e2e',
		'/docs',
		'/workflows/**/*.png',
	],
	concurrency: Number(process.env.STRYKER_CONCURRENCY || 2),
	timeoutMS: 10000,
	cleanTempDir: 'always',
};
