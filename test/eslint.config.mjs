// Test code: n8n's default config (the root eslint.config.mjs, which `"strict": true` requires to be
// exactly the default) minus the rules about code that runs inside n8n. Tests, fakes and the e2e
// harness run in plain Node: they need fs, http, child_process, timers and process, build errors
// and credentials on purpose, and never reach n8n's node sandbox or n8n Cloud.
// ESLint 9 uses this file for test/** only with the flag `unstable_config_lookup_from_file` (the
// default from ESLint 10), which `npm run lint` sets through ESLINT_FLAGS.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{
		files: ['**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/credential-password-field': 'off',
		},
	},
];
