// Copies what tsc does not emit (icons, codex .node.json files) into dist/, as `n8n-node build` does.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ASSET = /\.(svg|png|json)$/;

function copyTree(fromDir, toDir) {
	if (!fs.existsSync(fromDir)) return 0;
	let copied = 0;
	for (const entry of fs.readdirSync(fromDir, { withFileTypes: true })) {
		const from = path.join(fromDir, entry.name);
		const to = path.join(toDir, entry.name);
		if (entry.isDirectory()) {
			copied += copyTree(from, to);
		} else if (ASSET.test(entry.name)) {
			fs.mkdirSync(toDir, { recursive: true });
			fs.copyFileSync(from, to);
			copied++;
		}
	}
	return copied;
}

const count = ['icons', 'nodes', 'credentials'].reduce(
	(sum, dir) => sum + copyTree(path.join(root, dir), path.join(root, 'dist', dir)),
	0,
);
console.log(`copy-assets: ${count} files copied into dist/`);
