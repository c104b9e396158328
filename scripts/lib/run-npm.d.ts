export declare function npmEnv(): NodeJS.ProcessEnv;
export declare function runNpm(
	args: string[],
	cwd: string,
	options?: { capture?: boolean },
): string;
