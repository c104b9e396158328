/**
 * Discoverability in a real browser: n8n's editor, in headless Chromium, must offer every node of
 * the package when a user searches the node panel for the node's name, its provider's name or a
 * natural alias, both in the panel of an empty workflow ("What triggers this workflow?") and in
 * the one after a trigger ("What happens next?"); AI Task must also be listed in the AI panel. Grows with the package: a node without an entry in SEARCHES fails the first test.
 *
 * How n8n 1.123 builds the panel (n8n-editor-ui, useActionsGenerator and useViewStacks):
 * - A trigger whose type name is another node's name + "Trigger" (aiTask + aiTaskTrigger,
 *   telegramBot + telegramBotTrigger) is merged into that node: the panel lists one item, the
 *   action node's display name, and the trigger's events are its "On …" actions. So for those
 *   triggers we expect the action node's item, then open it and check the trigger's events.
 * - Search matches displayName and codex `alias` only, and outside the AI panel it drops nodes in
 *   the codex category "AI" unless their AI subcategories include "Root Nodes".
 * - A trigger that has events is listed without its " Trigger" suffix in the trigger panel
 *   ("Telegram Bot Polling"), so either form of the name counts.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH): `node scripts/ensure-chromium.js`.
 * Without it the test is skipped, unless E2E_REQUIRE_BROWSER is set (CI), where it fails.
 * On a failure the page is saved as <run folder>/node-search-<term>.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
	chromiumAvailable,
	closeNodePanel,
	chromiumPath,
	launchBrowser,
	listedItemNames,
	openNewWorkflow,
	openNodePanel,
	searchNodePanel,
	signIn,
} from '../../scripts/lib/editor-browser';
import { N8nInstance, declaredNodeTypes, packageUnderTestDir, sleep } from './harness';
import { OWNER } from './harness/owner-session';
import { runDir } from './harness/paths';

/** Per node type (description.name): its provider's name and aliases a user would type. */
const SEARCHES: Record<string, { provider: string; aliases: string[] }> = {
	aiTask: { provider: 'Selarti', aliases: ['chatbot', 'sales bot', 'support bot', 'LLM'] },
	aiTaskTrigger: { provider: 'Selarti', aliases: ['chatbot', 'handoff'] },
	telegramBot: { provider: 'Telegram', aliases: ['messenger', 'bot'] },
	telegramBotTrigger: { provider: 'Telegram', aliases: ['webhook', 'messenger'] },
	telegramBotPollingTrigger: { provider: 'Telegram', aliases: ['long polling', 'getUpdates'] },
	dialog360: { provider: '360dialog', aliases: ['WhatsApp', 'WABA'] },
	dialog360Trigger: { provider: '360dialog', aliases: ['WhatsApp', 'webhook'] },
	omnidesk: { provider: 'Omnidesk', aliases: ['helpdesk'] },
	omnideskTrigger: { provider: 'Omnidesk', aliases: ['helpdesk'] },
	wazzup: { provider: 'Wazzup', aliases: ['WhatsApp', 'chatbot'] },
	wazzupTrigger: { provider: 'Wazzup', aliases: ['WhatsApp', 'wazzup24'] },
};

interface NodeInfo {
	name: string;
	displayName: string;
	isTrigger: boolean;
	/** The names the panel may list this node under (see the header). */
	panelNames: string[];
	/** For a trigger merged into an action node: the panel shows its events as "On …" actions. */
	mergedInto?: string;
}

/** Display names and groups from the built classes listed in package.json `n8n.nodes`. */
function packageNodes(packageDir: string): NodeInfo[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const described = pkg.n8n.nodes.map((file) => {
		// Built CommonJS, only known at run time.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(packageDir, file)) as Record<string, unknown>;
		const Class = exported[path.basename(file, '.node.js')] as new () => {
			description: { name: string; displayName: string; group: string[] };
		};
		const { name, displayName, group } = new Class().description;
		return { name, displayName, isTrigger: group.includes('trigger') };
	});
	return described.map((node) => {
		// n8n: trigger.name.replace('Trigger', '') === app.name and the app has actions.
		const app = node.isTrigger
			? described.find(
					(other) => !other.isTrigger && other.name === node.name.replace('Trigger', ''),
				)
			: undefined;
		return app
			? { ...node, panelNames: [app.displayName], mergedInto: app.displayName }
			: { ...node, panelNames: [node.displayName, node.displayName.replace(/ Trigger$/, '')] };
	});
}

const browserMissing = !chromiumAvailable();
const required = Boolean(process.env.E2E_REQUIRE_BROWSER);
if (browserMissing && !required) {
	// eslint-disable-next-line no-console -- the skip must be visible in the test output
	console.warn(
		`node-search e2e SKIPPED: no Chromium at ${chromiumPath()}. Install it with ` +
			'`node scripts/ensure-chromium.js` (as root: apt-get install -y chromium) or set CHROMIUM_PATH. ' +
			'Set E2E_REQUIRE_BROWSER=1 to make this a failure (CI does).',
	);
}
const describeBrowser = browserMissing && !required ? describe.skip : describe;

describeBrowser('node panel search in the editor (headless Chromium)', () => {
	let n8n: N8nInstance;
	let chromium: Awaited<ReturnType<typeof launchBrowser>> | undefined;
	let browser: Browser;
	let page: Page;
	const nodes = packageNodes(packageUnderTestDir());

	async function screenshotOnFailure<T>(label: string, check: () => Promise<T> | T): Promise<T> {
		try {
			return await check();
		} catch (error) {
			const file = path.join(runDir(), `node-search-${label.replace(/[^\w-]+/g, '_')}.png`);
			await page?.screenshot({ path: file }).catch(() => undefined);
			(error as Error).message += `\nscreenshot: ${file}`;
			throw error;
		}
	}

	beforeAll(async () => {
		if (browserMissing)
			throw new Error(
				`E2E_REQUIRE_BROWSER is set but ${chromiumPath()} is missing: run \`node scripts/ensure-chromium.js\``,
			);
		n8n = await N8nInstance.create({ name: 'node-search' });
		await n8n.start();
		// Creates the owner (the harness does it on first REST use); the browser signs in as it.
		expect((await n8n.rest('GET', '/login')).status).toBe(200);
		chromium = await launchBrowser({ width: 1400, height: 900 });
		browser = chromium.browser;
		page = await browser.newPage();
		await screenshotOnFailure('sign-in', async () => {
			await signIn(page, n8n.baseUrl, { email: OWNER.email, password: OWNER.password });
			await openNewWorkflow(page, n8n.baseUrl);
			await openNodePanel(page);
		});
	});

	afterAll(async () => {
		await chromium?.close();
		await n8n?.stop();
	});

	it('has search terms for every node in package.json', () => {
		const declared = declaredNodeTypes(packageUnderTestDir()).map((type) => type.split('.').pop());
		expect(declared.length).toBeGreaterThan(0);
		expect(declared.filter((name) => !(name! in SEARCHES))).toEqual([]);
	});

	// One list of (term, expected panel item) pairs, so a failure names the term.
	const cases: Array<{ term: string; expected: string[]; node: string }> = [];
	for (const node of nodes) {
		const search = SEARCHES[node.name];
		if (!search) continue;
		for (const term of [node.displayName, search.provider, ...search.aliases])
			cases.push({ term, expected: node.panelNames, node: node.displayName });
	}

	async function expectOffered(view: string, term: string, expected: string[]): Promise<void> {
		const listed = await searchNodePanel(page, term);
		await screenshotOnFailure(`${view}-${term}`, () =>
			expect({ term, listed, offered: listed.some((name) => expected.includes(name)) }).toEqual({
				term,
				listed,
				offered: true,
			}),
		);
	}

	// An empty workflow opens the trigger panel ("What triggers this workflow?").
	it.each(cases)('trigger panel: "$term" offers $node', async ({ term, expected }) => {
		await expectOffered('trigger-panel', term, expected);
	});

	it.each(
		nodes.filter((node) => node.mergedInto).map((node) => [node.displayName, node.mergedInto!]),
	)('%s is offered as the trigger events of %s', async (triggerName, appName) => {
		const listed = await searchNodePanel(page, triggerName);
		const actions = await screenshotOnFailure(`events-${triggerName}`, async () => {
			expect(listed).toContain(appName);
			const items = await page.$$(
				'[data-test-id="node-creator-node-item"], [data-test-id="node-creator-action-item"]',
			);
			const names = await Promise.all(
				items.map((item) =>
					item.$eval('[data-test-id="node-creator-item-name"]', (el) => el.textContent?.trim()),
				),
			);
			await items[names.indexOf(appName)].click();
			// The node's actions replace the list; the trigger's events are "On …" entries.
			const deadline = Date.now() + 10_000;
			let shown = await listedItemNames(page);
			while (!shown.some((name) => /^On /.test(name)) && Date.now() < deadline) {
				await sleep(200);
				shown = await listedItemNames(page);
			}
			return shown;
		});
		await closeNodePanel(page);
		await openNodePanel(page);
		await screenshotOnFailure(`events-${triggerName}-list`, () =>
			expect({ appName, actions, hasEvents: actions.some((name) => /^On /.test(name)) }).toEqual({
				appName,
				actions,
				hasEvents: true,
			}),
		);
	});

	describe('after a trigger: the "What happens next?" panel', () => {
		beforeAll(async () => {
			await screenshotOnFailure('add-manual-trigger', async () => {
				await searchNodePanel(page, 'manual');
				await page.keyboard.press('Enter');
				await page.waitForSelector('[data-test-id="canvas-node"]', { visible: true });
				await closeNodePanel(page);
				const plus = await page.waitForSelector('[data-test-id="node-creator-plus-button"]', {
					visible: true,
				});
				await plus!.click();
				await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true });
			});
		});

		it.each(cases)('"$term" offers $node', async ({ term, expected }) => {
			await expectOffered('next-panel', term, expected);
		});

		it('lists AI Task in the AI panel too', async () => {
			await searchNodePanel(page, '');
			const [ai] = await page.$$(
				'xpath/.//*[@data-test-id="node-creator-item-name" and normalize-space()="AI"]',
			);
			await screenshotOnFailure('ai-panel', async () => {
				expect(ai).toBeDefined();
				await ai.click();
				const deadline = Date.now() + 10_000;
				let shown = await listedItemNames(page);
				while (!shown.includes('AI Agent') && Date.now() < deadline) {
					await sleep(200);
					shown = await listedItemNames(page);
				}
				expect(shown).toContain('AI Task');
			});
		});
	});
});
