export interface PackedPackage {
	tgzPath: string;
	name: string;
	version: string;
}
export declare function packPackage(packageDir: string, destDir: string): PackedPackage;
export declare function installPackedPackage(
	tgzPath: string,
	packageName: string,
	userFolder: string,
): string;
export declare function communityNodesDir(userFolder: string): string;
