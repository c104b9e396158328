'use strict';
/**
 * Drives n8n's editor in the system's headless Chromium (puppeteer-core; it never downloads a
 * browser). Shared by the real-browser e2e test (test/e2e/node-search.e2e.test.ts) and
 * `npm run screenshots` (scripts/screenshot-templates.js).
 *
 * Only stable hooks are used, the same `data-test-id` attributes n8n's own UI tests use, so the
 * code is not tied to one n8n major:
 *   canvas-add-button         the "Add first step" button of an empty canvas
 *   node-creator-plus-button  the "+" that opens the node panel (fallback: the Tab shortcut)
 *   node-creator              the node panel
 *   node-creator-search-bar   its search input
 *   node-creator-node-item    one node in its list, or node-creator-action-item when the node has
 *                             actions (n8n's NodeItem picks the id); node-creator-item-name is the
 *                             display name in any list entry (nodes and, after opening one, actions)
 *   node-creator-no-results   "We didn't make that… yet"
 * Sign-in uses the form's input types (email, password), not its markup.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** CHROMIUM_PATH or Debian's /usr/bin/chromium (see scripts/ensure-chromium.js). */
function chromiumPath() {
	return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** @returns {boolean} */
function chromiumAvailable() {
	return fs.existsSync(chromiumPath());
}

/**
 * Headless Chromium with a fresh profile, loopback only: no background networking, no QUIC, no
 * component updates. `close()` ends the browser and deletes the profile.
 */
/**
 * @param {{ width?: number, height?: number }} [size]
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, close(): Promise<void> }>}
 */
async function launchBrowser({ width = 1400, height = 800 } = {}) {
	const puppeteer = require('puppeteer-core');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: chromiumPath(),
		headless: true,
		userDataDir,
		defaultViewport: { width, height },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
			`--window-size=${width},${height}`,
		],
	});
	return {
		browser,
		async close() {
			await browser.close().catch(() => undefined);
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** @param {string} id */
const testId = (id) => `[data-test-id="${id}"]`;

/** Signs in through the editor's sign-in form and waits until the app has left /signin. */
/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} credentials
 * @param {number} [timeoutMs]
 */
async function signIn(page, baseUrl, { email, password }, timeoutMs = 60_000) {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
	const emailInput = await page.waitForSelector('input[type="email"]', {
		visible: true,
		timeout: timeoutMs,
	});
	if (!emailInput) throw new Error('the sign-in form has no email field');
	await emailInput.type(email);
	const passwordInput = await page.waitForSelector('input[type="password"]', { visible: true });
	if (!passwordInput) throw new Error('the sign-in form has no password field');
	await passwordInput.type(password);
	await passwordInput.press('Enter');
	await page.waitForFunction(() => !location.pathname.startsWith('/signin'), {
		timeout: timeoutMs,
	});
}

/** Closes whatever dialog n8n shows after sign-in (survey, what's new) with Escape. */
/** @param {import('puppeteer-core').Page} page */
async function dismissDialogs(page) {
	for (let i = 0; i < 3; i++) {
		const open = await page.$(
			'.el-overlay:not([style*="display: none"]) .el-dialog, [role="dialog"]',
		);
		if (!open) return;
		await page.keyboard.press('Escape');
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** Opens an empty workflow and waits for its canvas. */
/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} baseUrl
 * @param {number} [timeoutMs]
 */
async function openNewWorkflow(page, baseUrl, timeoutMs = 60_000) {
	await page.goto(`${baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
	await page.waitForSelector(
		`${testId('canvas-add-button')}, ${testId('node-creator-plus-button')}`,
		{
			visible: true,
			timeout: timeoutMs,
		},
	);
	await dismissDialogs(page);
}

/** Opens the node panel: "Add first step" on an empty canvas, else "+", else the Tab shortcut. */
/**
 * @param {import('puppeteer-core').Page} page
 * @param {number} [timeoutMs]
 */
async function openNodePanel(page, timeoutMs = 30_000) {
	for (const id of ['canvas-add-button', 'node-creator-plus-button']) {
		const button = await page.$(testId(id));
		if (button && (await button.isVisible())) {
			await button.click();
			break;
		}
	}
	if (!(await page.$(testId('node-creator-search-bar')))) await page.keyboard.press('Tab');
	await page.waitForSelector(testId('node-creator-search-bar'), {
		visible: true,
		timeout: timeoutMs,
	});
}

/** Closes the node panel (Escape, repeated while it is still open, e.g. in a node's actions). */
/** @param {import('puppeteer-core').Page} page */
async function closeNodePanel(page) {
	for (let i = 0; i < 4; i++) {
		const panel = await page.$(testId('node-creator'));
		if (!panel || !(await panel.isVisible())) return;
		await page.keyboard.press('Escape');
		await new Promise((resolve) => setTimeout(resolve, 400));
	}
	throw new Error('the node panel did not close');
}

/** The search input itself (the test id sits on the input in n8n 1.x; tolerate a wrapper). */
/** @param {import('puppeteer-core').Page} page */
async function searchInput(page) {
	const hit = await page.$(`input${testId('node-creator-search-bar')}`);
	return hit ?? (await page.$(`${testId('node-creator-search-bar')} input`));
}

/** Display names of every node the panel lists right now, "Results in other categories" included. */
/**
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<string[]>}
 */
async function listedNodeNames(page) {
	return await page.$$eval(
		`${testId('node-creator-node-item')}, ${testId('node-creator-action-item')}`,
		(items) =>
			items.map((item) => {
				const name = item.querySelector('[data-test-id="node-creator-item-name"]');
				return (name ?? item).textContent?.trim() ?? '';
			}),
	);
}

/** Every name the panel shows right now (nodes, or a node's actions after it was opened). */
/**
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<string[]>}
 */
async function listedItemNames(page) {
	return await page.$$eval(testId('node-creator-item-name'), (names) =>
		names.map((name) => name.textContent?.trim() ?? ''),
	);
}

/**
 * Replaces the search text and waits until the result list stops changing (n8n renders results
 * in batches). Returns the listed display names; empty when n8n shows "no results".
 */
/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} term
 * @param {{ settleMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<string[]>}
 */
async function searchNodePanel(page, term, { settleMs = 400, timeoutMs = 15_000 } = {}) {
	const input = await searchInput(page);
	if (!input) throw new Error('node panel search input not found');
	// Focus and select through the DOM: the panel may still be sliding in, which a click would miss.
	await input.evaluate((el) => {
		const field = /** @type {HTMLInputElement} */ (el);
		field.focus();
		field.select();
	});
	await page.keyboard.press('Backspace');
	await page.waitForFunction(
		(selector) => {
			const el = document.querySelector(selector);
			return el && 'value' in el && el.value === '';
		},
		{},
		`input${testId('node-creator-search-bar')}, ${testId('node-creator-search-bar')} input`,
	);
	const unfiltered = JSON.stringify(await listedNodeNames(page));
	await input.type(term, { delay: 10 });
	const started = Date.now();
	// On a loaded machine the panel may filter later than settleMs: wait for the list to leave its
	// unfiltered state first, or a stable unfiltered list would be taken for the search's result.
	let last = unfiltered;
	while (term !== '' && last === unfiltered && Date.now() - started < timeoutMs) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		last = JSON.stringify(await listedNodeNames(page));
	}
	let stableSince = Date.now();
	while (Date.now() - started < timeoutMs) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		const now = JSON.stringify(await listedNodeNames(page));
		if (now !== last) {
			last = now;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= settleMs) {
			break;
		}
	}
	return JSON.parse(last);
}

module.exports = {
	DEFAULT_CHROMIUM,
	chromiumPath,
	chromiumAvailable,
	launchBrowser,
	signIn,
	dismissDialogs,
	openNewWorkflow,
	openNodePanel,
	closeNodePanel,
	searchNodePanel,
	listedNodeNames,
	listedItemNames,
};
