import type { Browser, Page } from 'puppeteer-core';

export declare const DEFAULT_CHROMIUM: string;
export declare function chromiumPath(): string;
export declare function chromiumAvailable(): boolean;
export declare function launchBrowser(options?: {
	width?: number;
	height?: number;
}): Promise<{ browser: Browser; close(): Promise<void> }>;
export declare function signIn(
	page: Page,
	baseUrl: string,
	credentials: { email: string; password: string },
	timeoutMs?: number,
): Promise<void>;
export declare function dismissDialogs(page: Page): Promise<void>;
export declare function openNewWorkflow(
	page: Page,
	baseUrl: string,
	timeoutMs?: number,
): Promise<void>;
export declare function openNodePanel(page: Page, timeoutMs?: number): Promise<void>;
export declare function closeNodePanel(page: Page): Promise<void>;
export declare function listedNodeNames(page: Page): Promise<string[]>;
export declare function listedItemNames(page: Page): Promise<string[]>;
export declare function searchNodePanel(
	page: Page,
	term: string,
	options?: { settleMs?: number; timeoutMs?: number },
): Promise<string[]>;
