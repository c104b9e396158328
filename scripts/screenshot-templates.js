#!/usr/bin/env node
/**
 * `npm run screenshots`: canvas screenshots of the shipped templates for the README.
 *
 * Builds nothing itself (the npm script builds first). Starts a throwaway n8n (the pinned one in
 * test/e2e/n8n) with the packed package installed as a community package, imports every
 * workflows/*.json, signs in as a throwaway owner in headless Chromium (/usr/bin/chromium, see
 * scripts/ensure-chromium.js), opens each template in the editor and saves
 * docs/images/<template>.png (1400x800), and the content hash of each template it drew to
 * docs/images/templates.sha256.json (a unit test fails when a template no longer matches its
 * picture). Everything else lives in .e2e/screenshots/ and is deleted.
 *
 * SCREENSHOT_WIDTH / SCREENSHOT_HEIGHT override the size; SCREENSHOT_KEEP=1 keeps the n8n folder.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8n } = require('./lib/ensure-n8n');
const { n8nEnv } = require('./lib/n8n-env');
const { freePorts } = require('./lib/free-ports');
const { packPackage, installPackedPackage } = require('./lib/pack-package');
const { prepareTemplates, templateHash, PICTURE_MANIFEST } = require('./lib/template-workflows');
const { repoRoot, e2eDir, workflowsDir } = require('./lib/n8n-paths');

/** The n8n the pictures are taken with (1.x: what most of our e2e and `npm start` use). */
const runtime = ensureN8n(1);
const editor = require('./lib/editor-browser');

const WIDTH = Number(process.env.SCREENSHOT_WIDTH || 1400);
const HEIGHT = Number(process.env.SCREENSHOT_HEIGHT || 800);
const OUT_DIR = path.join(repoRoot, 'docs', 'images');
/** Not a secret: a throwaway owner of a loopback-only n8n that is deleted afterwards. */
const OWNER = {
	email: 'screenshots@example.com',
	firstName: 'Screen',
	lastName: 'Shots',
	password: 'Screensh0tsPassw0rd',
};

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {RegExp} successLine
 */
function runN8nCli(args, env, successLine) {
	const result = spawnSync(runtime.nodeBin, [runtime.n8nBin, ...args], {
		env: { ...env, N8N_RUNNERS_ENABLED: 'false' },
		encoding: 'utf8',
	});
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.status !== 0 || !successLine.test(output))
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${result.status}):\n${output.slice(-2000)}`,
		);
}

/** `n8n start` in its own process group; resolves when the editor is served. */
/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} baseUrl
 * @param {string} logFile
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
async function startN8n(env, baseUrl, logFile) {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
		env,
		detached: true,
		stdio: ['ignore', log, log],
	});
	let exited = false;
	child.on('exit', () => (exited = true));
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (exited)
			throw new Error(`n8n exited during start:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
		const ready = fs.readFileSync(logFile, 'utf8').includes('Editor is now accessible');
		if (ready) {
			const response = await fetch(`${baseUrl}/healthz/readiness`).catch(() => undefined);
			if (response?.ok) return child;
		}
		await sleep(500);
	}
	throw new Error('n8n did not start within 120 s');
}

/** @param {import('node:child_process').ChildProcess | undefined} child */
async function stopN8n(child) {
	if (!child || child.exitCode !== null || child.pid === undefined) return;
	const pid = child.pid;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {
		return;
	}
	const timeout = sleep(10_000).then(() => 'timeout');
	if ((await Promise.race([exited, timeout])) === 'timeout') {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
}

/** @param {string} baseUrl */
async function setUpOwner(baseUrl) {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok)
		throw new Error(
			`owner setup: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
		);
}

/** Opens a workflow and waits until its nodes are drawn and the canvas has fitted them. */
/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} baseUrl
 * @param {string} id
 * @param {number} nodeCount
 */
async function openWorkflow(page, baseUrl, id, nodeCount) {
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
	await page.waitForFunction(
		(/** @type {number} */ count) =>
			document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
		{ timeout: 60_000 },
		nodeCount,
	);
	await editor.dismissDialogs(page);
	// Zoom to fit ("1" is n8n's shortcut), then let the canvas, icons and fonts settle.
	await page.mouse.click(WIDTH - 40, HEIGHT / 2);
	await page.keyboard.press('1');
	await sleep(1500);
	await page.evaluate(() => document.fonts.ready);
}

async function main() {
	if (!editor.chromiumAvailable())
		throw new Error(
			`${editor.chromiumPath()} is missing: run \`node scripts/ensure-chromium.js\` (as root) first`,
		);
	if (!fs.existsSync(path.join(repoRoot, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first (`npm run screenshots` does)');

	const workDir = path.join(e2eDir, 'screenshots', `${Date.now()}-${process.pid}`);
	fs.mkdirSync(workDir, { recursive: true });
	const userFolder = path.join(workDir, 'user');
	const packed = packPackage(repoRoot, path.join(workDir, 'pack'));
	installPackedPackage(packed.tgzPath, packed.name, userFolder);

	const [port, brokerPort] = await freePorts(2);
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = n8nEnv({
		userFolder,
		port,
		brokerPort,
		encryptionKey: 'omnichannel-screenshots-key-not-secret',
	});

	const templates = prepareTemplates(workflowsDir, path.join(workDir, 'templates'));
	if (templates.length === 0) throw new Error(`no templates in ${workflowsDir}`);
	runN8nCli(
		['import:workflow', '--separate', `--input=${path.join(workDir, 'templates')}`],
		env,
		/Successfully imported \d+ workflow/,
	);

	let server;
	let chromium;
	try {
		server = await startN8n(env, baseUrl, path.join(workDir, 'n8n.log'));
		await setUpOwner(baseUrl);
		chromium = await editor.launchBrowser({ width: WIDTH, height: HEIGHT });
		const page = await chromium.browser.newPage();
		await editor.signIn(page, baseUrl, OWNER);
		fs.mkdirSync(OUT_DIR, { recursive: true });
		/** @type {Record<string, { sha256: string, picture: string }>} */
		const manifest = {};
		for (const template of templates) {
			const text = fs.readFileSync(path.join(workflowsDir, template.file), 'utf8');
			const workflow = JSON.parse(text);
			const drawn = workflow.nodes.filter(
				(/** @type {{ type: string }} */ node) => node.type !== 'n8n-nodes-base.stickyNote',
			);
			await openWorkflow(page, baseUrl, template.id, drawn.length);
			const file = path.join(OUT_DIR, `${path.basename(template.file, '.json')}.png`);
			await page.screenshot({ path: file, type: 'png' });
			// What the picture shows: test/unit/workflows/template-pictures.test.ts compares it.
			manifest[template.file] = { sha256: templateHash(text), picture: path.basename(file) };
			console.log(`screenshot: ${path.relative(repoRoot, file)} (${template.name})`);
		}
		fs.writeFileSync(
			path.join(repoRoot, PICTURE_MANIFEST),
			`${JSON.stringify(manifest, null, '\t')}\n`,
		);
	} finally {
		await chromium?.close();
		await stopN8n(server);
		if (process.env.SCREENSHOT_KEEP !== '1') fs.rmSync(workDir, { recursive: true, force: true });
		else console.log(`kept ${workDir}`);
	}
}

main().catch((error) => {
	console.error(`screenshot-templates: ${error instanceof Error ? error.stack : String(error)}`);
	process.exit(1);
});
