import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PICTURE_MANIFEST, templateHash } from '../../../scripts/lib/template-workflows';

/**
 * The README shows every template as a picture of the n8n editor. `npm run screenshots` takes
 * them and records the content hash of each template it drew (docs/images/templates.sha256.json).
 * A template edited after its picture no longer matches that hash, and this test says which one
 * to shoot again. Content hashes, not file times: a fresh clone gives every file the same time.
 */
const root = path.resolve(__dirname, '../../..');
const workflowsDir = path.join(root, 'workflows');
const templates = readdirSync(workflowsDir)
	.filter((file) => file.endsWith('.json'))
	.sort();
const manifestFile = path.join(root, PICTURE_MANIFEST);
const manifest = (
	existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {}
) as Record<string, { sha256?: string; picture?: string }>;

describe('template pictures (npm run screenshots)', () => {
	it.each(templates)('%s has a picture taken of its current content', (file) => {
		const entry = manifest[file];
		const redo = `run \`npm run screenshots\` (under the e2e lock) and commit docs/images`;
		if (!entry) throw new Error(`${file} has no picture in ${PICTURE_MANIFEST}: ${redo}`);
		const picture = path.join(root, 'docs', 'images', String(entry.picture));
		expect(entry.picture).toBe(`${path.basename(file, '.json')}.png`);
		if (!existsSync(picture)) throw new Error(`${entry.picture} is missing: ${redo}`);
		const current = templateHash(readFileSync(path.join(workflowsDir, file), 'utf8'));
		if (entry.sha256 !== current)
			throw new Error(`${file} changed after its picture was taken: ${redo}`);
	});

	it('records no template that no longer exists', () => {
		expect(Object.keys(manifest).sort()).toEqual(templates);
	});

	it('does not count a change of line endings as a change', () => {
		expect(templateHash('{\r\n\t"a": 1\r\n}\r\n')).toBe(templateHash('{\n\t"a": 1\n}\n'));
		expect(templateHash('{"a": 1}')).not.toBe(templateHash('{"a": 2}'));
	});
});
