#!/usr/bin/env node
'use strict';
/**
 * Runs a long `npm ci` / `npm install` and reports progress instead of npm's raw output: a line
 * every 15 s with the elapsed time, packages fetched so far and the native module being built,
 * and npm's warnings as a count (grouped by kind). npm's full output goes to a log file, whose
 * tail is printed if npm fails.
 *
 * Usage (run-npm.js does this for `runNpm(args, cwd, { progress: 'label' })`, synchronously):
 *   node npm-progress.js <label> <log file> <cwd> <npm args...>
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const TICK_MS = 15_000;
/** The first word of a warning's first line: an npm error code or a known lowercase kind. */
const WARNING_KIND = /^(E[A-Z0-9]+|deprecated|cleanup|config|tarball|skipping|invalid)$/;

/** @param {number} ms */
function formatElapsed(ms) {
	const seconds = Math.round(ms / 1000);
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/**
 * Reads npm's `--loglevel=info` output one line at a time and keeps the counts.
 * @returns {{ line: (text: string) => string | undefined, summary: () => string,
 *   state: { fetched: number, warnings: Map<string, number>, building: string | undefined } }}
 */
function npmOutputTracker() {
	const state = {
		fetched: 0,
		/** @type {Map<string, number>} */
		warnings: new Map(),
		/** @type {string | undefined} */
		building: undefined,
	};
	return {
		state,
		/** @returns {string | undefined} a line worth showing the user now, if any */
		line(text) {
			if (/^npm http fetch /.test(text)) {
				state.fetched++;
				return undefined;
			}
			const warn = /^npm warn (\S+)/.exec(text);
			if (warn) {
				// "npm warn deprecated x@1: …", "npm warn EBADENGINE …": count by kind. Other first
				// words continue a multi-line warning ("npm warn While resolving: …" after ERESOLVE).
				if (WARNING_KIND.test(warn[1]))
					state.warnings.set(warn[1], (state.warnings.get(warn[1]) ?? 0) + 1);
				return undefined;
			}
			// `npm info run sqlite3@5.1.7 install node_modules/sqlite3 prebuild-install || node-gyp …`
			const run = /^npm info run (\S+) (\S+) \S+ /.exec(text);
			if (run) {
				const building = `${run[1]} (${run[2]} script)`;
				if (building === state.building) return undefined;
				state.building = building;
				return `  running ${building}`;
			}
			if (/^npm (error|ERR!)/.test(text)) return text;
			if (/^(added|removed|changed|up to date) /.test(text)) return `  ${text}`;
			return undefined;
		},
		summary() {
			const total = [...state.warnings.values()].reduce((sum, n) => sum + n, 0);
			if (total === 0) return 'no npm warnings';
			const kinds = [...state.warnings.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ');
			return `${total} npm warnings (${kinds})`;
		},
	};
}

/**
 * @param {{ label: string, logFile: string, cwd: string, args: string[], env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<number>} npm's exit code
 */
function runNpmWithProgress({ label, logFile, cwd, args, env }) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.createWriteStream(logFile);
	const tracker = npmOutputTracker();
	const started = Date.now();
	console.log(`  ${label}: npm ${args.join(' ')} (full log: ${logFile})`);
	const child = spawn('npm', [...args, '--loglevel=info', '--progress=false', '--color=false'], {
		cwd,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	for (const stream of [child.stdout, child.stderr]) {
		let pending = '';
		stream.setEncoding('utf8');
		stream.on('data', (/** @type {string} */ chunk) => {
			log.write(chunk);
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const text of lines) {
				const shown = tracker.line(text.trimEnd());
				if (shown !== undefined) console.log(shown);
			}
		});
	}
	const timer = setInterval(() => {
		const { fetched, building } = tracker.state;
		const phase = building ? `, running ${building}` : '';
		console.log(
			`  ${label}: ${formatElapsed(Date.now() - started)} elapsed, ${fetched} packages fetched${phase}, ${tracker.summary()}`,
		);
	}, TICK_MS);
	// Ctrl+C reaches npm directly (same process group); just stop reporting.
	const stop = () => clearInterval(timer);
	process.on('SIGINT', stop);
	process.on('SIGTERM', () => {
		stop();
		child.kill('SIGTERM');
	});
	return new Promise((resolve) => {
		child.on('close', (code, signal) => {
			clearInterval(timer);
			log.end();
			const status = code ?? (signal ? 1 : 0);
			console.log(
				`  ${label}: ${status === 0 ? 'done' : `failed (exit ${code ?? signal})`} in ${formatElapsed(Date.now() - started)}, ${tracker.summary()}`,
			);
			if (status !== 0) {
				log.on('close', () => {
					const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
					console.error(`--- last lines of ${logFile} ---\n${tail}`);
					resolve(status);
				});
				return;
			}
			resolve(status);
		});
	});
}

module.exports = { runNpmWithProgress, npmOutputTracker, formatElapsed };

if (require.main === module) {
	const [label, logFile, cwd, ...args] = process.argv.slice(2);
	if (!label || !logFile || !cwd || args.length === 0) {
		console.error('usage: npm-progress.js <label> <log file> <cwd> <npm args...>');
		process.exit(2);
	}
	runNpmWithProgress({ label, logFile, cwd, args, env: process.env }).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
