'use strict';
/**
 * Prepares the shipped templates (workflows/*.json) for `n8n import:workflow`.
 * A local n8n that re-imports them on every `npm start` must update, not duplicate them, so each
 * needs a stable id. Templates carry their own fixed top-level id (n8n 2.x needs one for
 * `import:workflow --input=<file>`); one without gets an id derived from its file name, written
 * to a temporary copy, never to the template itself.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/**
 * n8n's own ids are 16 alphanumeric characters; a hex slice of a hash fits that shape.
 * @param {string} fileName @returns {string}
 */
function templateWorkflowId(fileName) {
	return crypto.createHash('sha256').update(`template:${fileName}`).digest('hex').slice(0, 16);
}

/**
 * @param {string} templatesDir @param {string} outDir
 * @returns {{ file: string, id: string, name: string }[]} what was written to outDir
 */
function prepareTemplates(templatesDir, outDir) {
	const files = fs.existsSync(templatesDir)
		? fs
				.readdirSync(templatesDir)
				.filter((file) => file.endsWith('.json'))
				.sort()
		: [];
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	return files.map((file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8'));
		const id =
			typeof workflow.id === 'string' && workflow.id ? workflow.id : templateWorkflowId(file);
		fs.writeFileSync(path.join(outDir, file), JSON.stringify({ ...workflow, id }, null, '\t'));
		return { file, id, name: String(workflow.name ?? file) };
	});
}

/** Where `npm run screenshots` records which template content each picture shows. */
const PICTURE_MANIFEST = path.join('docs', 'images', 'templates.sha256.json');

/**
 * The content hash of a template file, as the picture manifest records it. Line endings are
 * normalized, so a checkout that turns LF into CRLF does not count as a change; git timestamps
 * cannot be used (a fresh clone gives every file the checkout time).
 * @param {string} text @returns {string}
 */
function templateHash(text) {
	return crypto.createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

module.exports = { templateWorkflowId, prepareTemplates, templateHash, PICTURE_MANIFEST };
