import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(__dirname, '../../fixtures/360dialog');

/** Every real body, by its path under test/fixtures/360dialog (e.g. "onpremise/courier-legacy-image"). */
export function allFixtureNames(): string[] {
	const names = (dir: string, prefix: string) =>
		readdirSync(join(FIXTURES_DIR, dir))
			.filter((file) => file.endsWith('.json'))
			.map((file) => `${prefix}${file.replace(/\.json$/, '')}`);
	return [...names('.', ''), ...names('onpremise', 'onpremise/')];
}

export function fixture(name: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as Record<
		string,
		unknown
	>;
}
