#!/usr/bin/env node
/**
 * `npm start`: a local n8n on http://127.0.0.1:5678 with this package and every template loaded.
 * Works on a fresh clone: installs what is missing, builds, packs and installs the package the way
 * n8n's Community Nodes installer would, re-imports the templates, then runs n8n in the foreground.
 *
 * State lives in .n8n-local/ (SQLite database, settings, installed package); delete it to start over.
 * Your own n8n variables (N8N_*, DB_*, EXECUTIONS_*, QUEUE_*, WEBHOOK_URL, GENERIC_TIMEZONE, …) are
 * passed to n8n and win over our defaults (N8N_PORT 5678, N8N_LISTEN_ADDRESS 127.0.0.1, SQLite in
 * N8N_USER_FOLDER=.n8n-local, N8N_RUNNERS_BROKER_PORT a free port).
 * N8N_LOCAL_SKIP_TEMPLATES=1 keeps workflows edited in the UI instead of re-importing templates.
 * SIGINT/SIGTERM (Ctrl+C, an IDE's stop button) stop n8n gracefully; we exit with its exit code.
 * N8N_LOCAL_MAJOR=2 runs n8n 2.x on Node 24 instead of 1.x (one .n8n-local/ database cannot serve
 * both: 2.x migrates it, so delete .n8n-local/ when switching).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDevDeps } = require('./lib/ensure-dev-deps');
const { ensureN8n } = require('./lib/ensure-n8n');
const { n8nEnv } = require('./lib/n8n-env');
const { freePorts } = require('./lib/free-ports');
const { packPackage, installPackedPackage } = require('./lib/pack-package');
const { prepareTemplates } = require('./lib/template-workflows');
const { recordCommunityPackage } = require('./lib/record-community-package');
const { runNpm } = require('./lib/run-npm');
const { repoRoot, localDir, workflowsDir } = require('./lib/n8n-paths');

/** @param {string} message */
function step(message) {
	console.log(`\n▶ ${message}`);
}

/**
 * A short-lived n8n CLI call (import); the server is not running yet.
 * @param {import('./lib/ensure-n8n').N8nRuntime} runtime @param {string[]} args @param {NodeJS.ProcessEnv} env
 */
function runN8nCli(runtime, args, env) {
	const result = spawnSync(runtime.nodeBin, [runtime.n8nBin, ...args], { env, stdio: 'inherit' });
	if (result.status !== 0)
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function main() {
	console.log(
		'npm start: the first run installs n8n (about 10 to 15 minutes on 2 cores: native modules build\n' +
			'from source; about 3 GB of disk incl. the npm cache). Later runs start in under a minute.',
	);
	step('Dev dependencies');
	ensureDevDeps();

	step('Build the package');
	runNpm(['run', 'build'], repoRoot);

	const major = process.env.N8N_LOCAL_MAJOR === '2' ? 2 : 1;
	step(`Real n8n ${major}.x (installed once into ~/.cache)`);
	const runtime = ensureN8n(major);

	const userFolder = process.env.N8N_USER_FOLDER || localDir;
	step('Install the package into the local n8n, as Community Nodes would');
	const packed = packPackage(repoRoot, path.join(localDir, 'pack'));
	const installedAt = installPackedPackage(packed.tgzPath, packed.name, userFolder);
	console.log(
		`${packed.name}@${packed.version} -> ${path.relative(repoRoot, installedAt) || installedAt}`,
	);

	const host = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	const port = Number(process.env.N8N_PORT || 5678);
	const [freeBrokerPort] = await freePorts(1);
	const brokerPort = Number(
		process.env.N8N_RUNNERS_BROKER_PORT || (freeBrokerPort === port ? port + 1000 : freeBrokerPort),
	);
	// No fixed encryption key: n8n generates one into .n8n-local/.n8n/config on first use, like a real install.
	// passThrough: the developer's own N8N_*, DB_*, QUEUE_*, WEBHOOK_URL, … settings win over ours.
	const env = n8nEnv({ userFolder, port, brokerPort, host, passThrough: true });
	// Anything n8n starts by name must get the same Node as n8n itself (Node 24 for 2.x).
	env.PATH = [path.dirname(runtime.nodeBin), env.PATH ?? ''].join(path.delimiter);
	const cliEnv = { ...env, N8N_RUNNERS_ENABLED: 'false' };

	step('Templates (workflows/*.json)');
	if (process.env.N8N_LOCAL_SKIP_TEMPLATES === '1') {
		console.log('skipped (N8N_LOCAL_SKIP_TEMPLATES=1)');
	} else {
		const importDir = path.join(localDir, 'templates-import');
		const templates = prepareTemplates(workflowsDir, importDir);
		if (templates.length === 0) {
			console.log('no templates in workflows/ yet');
		} else {
			// One CLI call for all (each call boots n8n, ~2 s). Same ids every time, so this updates them.
			runN8nCli(runtime, ['import:workflow', '--separate', `--input=${importDir}`], cliEnv);
			for (const template of templates)
				console.log(`  ${template.name}  (id ${template.id}, from ${template.file})`);
			console.log(
				'Templates are re-imported on every start; duplicate one in the UI to keep your edits.',
			);
		}
	}

	step('Record the package in n8n (Settings → Community nodes)');
	recordPackage(runtime, env, cliEnv, installedAt, userFolder);

	step(`Starting n8n ${runtime.version} on http://${host}:${port}/  (Ctrl+C stops it)`);
	runN8nServer(runtime, env);
}

/**
 * n8n lists community packages from its database. SQLite only (the default); with DB_TYPE set to
 * another database the package still loads, it is just not listed.
 * @param {import('./lib/ensure-n8n').N8nRuntime} runtime @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.ProcessEnv} cliEnv @param {string} packageDir @param {string} userFolder
 */
function recordPackage(runtime, env, cliEnv, packageDir, userFolder) {
	if ((env.DB_TYPE ?? 'sqlite') !== 'sqlite') {
		console.log(`skipped: DB_TYPE=${env.DB_TYPE} (only SQLite is recorded)`);
		return;
	}
	const dbFile = env.DB_SQLITE_DATABASE || path.join(userFolder, '.n8n', 'database.sqlite');
	// A fresh user folder has no database until an n8n command has run its migrations.
	if (!fs.existsSync(dbFile)) runN8nCli(runtime, ['list:workflow'], cliEnv);
	const recorded = recordCommunityPackage({
		n8nBin: runtime.n8nBin,
		packageDir,
		userFolder,
		dbFile,
		tablePrefix: env.DB_TABLE_PREFIX,
	});
	console.log(`${recorded.name}@${recorded.version}: ${recorded.nodes.join(', ')}`);
}

/**
 * Runs n8n in the foreground until it exits, then exits with its code.
 * n8n runs in its own process group, so a terminal's Ctrl+C reaches only us (npm and this
 * script), and we forward exactly one signal: npm forwards the signal it gets to us as well, and
 * a second SIGINT would make n8n skip its graceful shutdown. An IDE's stop button signals the
 * npm process only; npm passes it on to us (package.json's `exec node …`: no shell in between,
 * which would die without passing it on) and waits for us. A signal repeated after 5 s is forwarded too
 * (n8n then exits at once).
 * @param {import('./lib/ensure-n8n').N8nRuntime} runtime @param {NodeJS.ProcessEnv} env
 */
function runN8nServer(runtime, env) {
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: true,
	});
	let forwardedAt = 0;
	/** @param {NodeJS.Signals} signal */
	const forward = (signal) => {
		if (Date.now() - forwardedAt < 5000) return;
		forwardedAt = Date.now();
		console.log(`\nstart-local-n8n: ${signal}: stopping n8n (pid ${child.pid})…`);
		child.kill(signal);
	};
	for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
		process.on(signal, forward);
	// If npm (our parent) dies without passing a signal on, we are re-parented: stop n8n as well.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) forward('SIGTERM');
	}, 2000).unref();
	// If we die without a signal handler running (an exception), take n8n down with us.
	process.on('exit', () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	});
	child.on('exit', (code, signal) => {
		console.log(`start-local-n8n: n8n exited (${code ?? signal})`);
		process.exit(code ?? (signal ? 1 : 0));
	});
}

main().catch((error) => {
	console.error(`start-local-n8n: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
