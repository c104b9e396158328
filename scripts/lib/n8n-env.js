'use strict';
/**
 * The environment for every n8n process we start (server and CLI), so they all agree on the
 * user folder, database and encryption key. Loopback only, SQLite, no telemetry.
 */

/**
 * A developer's own n8n settings must not leak into ours. Neither may jest's NODE_ENV=test: in
 * "test" mode n8n silences its logger and commands exit 0 without doing anything.
 */
const FOREIGN_PREFIXES = [
	'N8N_',
	'DB_',
	'EXECUTIONS_',
	'QUEUE_',
	'WEBHOOK_URL',
	'GENERIC_TIMEZONE',
	'NODE_ENV',
	'JEST_',
];

/**
 * @param {{ userFolder: string, port: number, brokerPort: number, host?: string,
 *   encryptionKey?: string, logLevel?: string, extra?: Record<string, string>,
 *   passThrough?: boolean }} options `passThrough` (npm start): see userN8nSettings
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv(options) {
	const host = options.host ?? '127.0.0.1';
	const base = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !FOREIGN_PREFIXES.some((prefix) => key.startsWith(prefix)),
		),
	);
	/** @type {Record<string, string>} */
	const env = {
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: host,
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://${host}:${options.port}/`,
		DB_TYPE: 'sqlite',
		// A pool > 0 switches SQLite to WAL: faster, and no deprecation warning.
		DB_SQLITE_POOL_SIZE: '2',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		// Plain http on loopback: a secure cookie would lock the browser (and our REST client) out.
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_ENABLED: 'true',
		// Its default (5679) collides with an n8n on 5679; always give it its own port.
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// Both only silence deprecation warnings at start.
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		// "Editor is now accessible" (our readiness signal) is printed at info, not at warn.
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_OUTPUT: 'console',
	};
	if (options.encryptionKey) env.N8N_ENCRYPTION_KEY = options.encryptionKey;
	const own = options.passThrough ? userN8nSettings(env) : {};
	return { ...base, ...env, ...own, ...options.extra };
}

/**
 * passThrough: `npm start` is the developer's own n8n, so their N8N_*, DB_*, EXECUTIONS_*, QUEUE_*,
 * WEBHOOK_URL, GENERIC_TIMEZONE (and any other variable we set above) win over our defaults.
 * NODE_ENV and JEST_* stay filtered for the reason above.
 * @param {Record<string, string>} ours @returns {Record<string, string>}
 */
function userN8nSettings(ours) {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			/** @returns {entry is [string, string]} */
			(entry) =>
				entry[1] !== undefined &&
				!/^(NODE_ENV$|JEST_)/.test(entry[0]) &&
				(entry[0] in ours || FOREIGN_PREFIXES.some((prefix) => entry[0].startsWith(prefix))),
		),
	);
}

module.exports = { n8nEnv };
