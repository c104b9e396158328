export interface N8nRuntime {
	major: 1 | 2;
	version: string;
	nodeVersion: string;
	nodeBin: string;
	n8nBin: string;
	installDir: string;
}
export declare function ensureN8n(major?: 1 | 2): N8nRuntime;
export declare function selectedMajors(value: string | undefined): Array<1 | 2>;
