export declare const repoRoot: string;
export declare const harnessDir: string;
export declare const harness2Dir: string;
export declare const node24Dir: string;
export declare const e2eDir: string;
export declare const localDir: string;
export declare const workflowsDir: string;
