export declare function ensureDevDeps(): void;
