// Lint as n8n's `n8n-node lint` does: the community-nodes plugin's `recommended` config (the one
// that keeps a package eligible for n8n Cloud) on node code and package.json, plus no-console.
// The CLI itself cannot be installed from this registry mirror, so its config is reproduced here.
import { globalIgnores } from 'eslint/config';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

const communityRules = n8nCommunityNodes.configs.recommended.rules;

export default tseslint.config(
	globalIgnores([
		'dist/**',
		'node_modules/**',
		'coverage/**',
		'.cache/**',
		'.e2e/**',
		'.n8n-local/**',
		'test/e2e/n8n/**',
		'test/e2e/n8n2/**',
		'test/e2e/node24/**',
		'**/*.js',
		'**/*.mjs',
	]),
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [tseslint.configs.recommended],
		plugins: { '@n8n/community-nodes': n8nCommunityNodes },
		rules: {
			...communityRules,
			'no-console': 'error',
		},
	},
	{
		files: ['package.json'],
		plugins: { '@n8n/community-nodes': n8nCommunityNodes },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		rules: communityRules,
	},
	{
		// Tests and tooling run in Node, not inside n8n: they may use timers, fs and child processes.
		files: ['test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
);
