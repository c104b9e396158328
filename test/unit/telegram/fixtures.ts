import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { TelegramUpdate } from '../../../nodes/TelegramBot/trigger/parse';

/**
 * Real updates from public test suites, copied from the team's shared fixtures
 * (/work/shared/fixtures/README.md names their sources and commits) so a fresh clone has them.
 */
const FIXTURE_DIRS = [path.resolve(__dirname, 'fixtures')];

export function fixture(name: string): TelegramUpdate {
	for (const dir of FIXTURE_DIRS) {
		try {
			return JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as TelegramUpdate;
		} catch {
			// try the next folder
		}
	}
	throw new Error(`Telegram fixture ${name}.json not found in ${FIXTURE_DIRS.join(' or ')}`);
}

export const BOT_TOKEN = '123456789:AAHfakeTokenForTests_0123456789abcdef';
export const BOT_ID = '123456789';
