export declare function ensureN8n(): void;
