#!/usr/bin/env node
/**
 * `npm start`: a local n8n on http://127.0.0.1:5678 with this package and every template loaded.
 * Works on a fresh clone: installs what is missing, builds, packs and installs the package the way
 * n8n's Community Nodes installer would, re-imports the templates, then runs n8n in the foreground.
 *
 * State lives in .n8n-local/ (SQLite database, settings, installed package); delete it to start over.
 * Overridable: N8N_PORT (5678), N8N_LISTEN_ADDRESS (127.0.0.1), N8N_RUNNERS_BROKER_PORT (a free port),
 * N8N_LOCAL_SKIP_TEMPLATES=1 to keep workflows edited in the UI instead of re-importing templates,
 * N8N_LOCAL_MAJOR=2 for n8n 2.x on Node 24 instead of 1.x (one .n8n-local/ database cannot serve both:
 * 2.x migrates it, so delete .n8n-local/ when switching).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureDevDeps } = require('./lib/ensure-dev-deps');
const { ensureN8n } = require('./lib/ensure-n8n');
const { n8nEnv } = require('./lib/n8n-env');
const { freePorts } = require('./lib/free-ports');
const { packPackage, installPackedPackage } = require('./lib/pack-package');
const { prepareTemplates } = require('./lib/template-workflows');
const { runNpm } = require('./lib/run-npm');
const { repoRoot, localDir, workflowsDir } = require('./lib/n8n-paths');

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
	step('Dev dependencies');
	ensureDevDeps();

	step('Build the package');
	runNpm(['run', 'build'], repoRoot);

	const major = process.env.N8N_LOCAL_MAJOR === '2' ? 2 : 1;
	step(`Real n8n ${major}.x (installed once into ~/.cache)`);
	const runtime = ensureN8n(major);

	step('Install the package into the local n8n, as Community Nodes would');
	const packed = packPackage(repoRoot, path.join(localDir, 'pack'));
	const installedAt = installPackedPackage(packed.tgzPath, packed.name, localDir);
	console.log(`${packed.name}@${packed.version} -> ${path.relative(repoRoot, installedAt)}`);

	const host = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	const port = Number(process.env.N8N_PORT || 5678);
	const [freeBrokerPort] = await freePorts(1);
	const brokerPort = Number(
		process.env.N8N_RUNNERS_BROKER_PORT || (freeBrokerPort === port ? port + 1000 : freeBrokerPort),
	);
	// No fixed encryption key: n8n generates one into .n8n-local/.n8n/config on first use, like a real install.
	const env = n8nEnv({ userFolder: localDir, port, brokerPort, host });
	// Anything n8n starts by name must get the same Node as n8n itself (Node 24 for 2.x).
	env.PATH = [path.dirname(runtime.nodeBin), env.PATH ?? ''].join(path.delimiter);

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
			runN8nCli(runtime, ['import:workflow', '--separate', `--input=${importDir}`], {
				...env,
				N8N_RUNNERS_ENABLED: 'false',
			});
			for (const template of templates)
				console.log(`  ${template.name}  (id ${template.id}, from ${template.file})`);
			console.log(
				'Templates are re-imported on every start; duplicate one in the UI to keep your edits.',
			);
		}
	}

	step(`Starting n8n ${runtime.version} on http://${host}:${port}/  (Ctrl+C stops it)`);
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	// Ctrl+C already reaches n8n (same process group); forwarding it too would count as a second
	// Ctrl+C, which makes n8n skip its graceful shutdown. Just wait for n8n to exit.
	process.on('SIGINT', () => undefined);
	for (const signal of ['SIGTERM', 'SIGHUP']) {
		process.on(signal, () => child.kill(signal));
	}
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	console.error(`start-local-n8n: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
