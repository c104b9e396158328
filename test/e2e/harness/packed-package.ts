import * as fs from 'node:fs';
import {
	installPackedPackage,
	packPackage,
	type PackedPackage,
} from '../../../scripts/lib/pack-package';
import { packDir, packageUnderTestDir, packedPackageFile } from './paths';

export type { PackedPackage };

/** Packs the (already built) package under test once per jest run; see global-setup. */
export function packPackageUnderTest(): PackedPackage {
	const packed = packPackage(packageUnderTestDir(), packDir());
	fs.writeFileSync(packedPackageFile(), JSON.stringify(packed, null, '\t'));
	return packed;
}

export function readPackedPackage(): PackedPackage {
	const file = packedPackageFile();
	if (!fs.existsSync(file)) {
		throw new Error(
			`${file} is missing: run the e2e tests through \`npm run test:e2e\` (its globalSetup packs the package)`,
		);
	}
	return JSON.parse(fs.readFileSync(file, 'utf8')) as PackedPackage;
}

/** Installs into <userFolder>/.n8n/nodes/node_modules/<name>, where n8n looks for community packages. */
export function installPackageInto(
	userFolder: string,
	packed: PackedPackage = readPackedPackage(),
): string {
	return installPackedPackage(packed.tgzPath, packed.name, userFolder);
}
