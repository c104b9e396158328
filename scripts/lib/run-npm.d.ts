export declare function npmEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function runNpm(
	args: string[],
	cwd: string,
	options?: { capture?: boolean; env?: NodeJS.ProcessEnv },
): string;
