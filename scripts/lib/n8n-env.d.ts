export interface N8nEnvOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	host?: string;
	encryptionKey?: string;
	logLevel?: string;
	extra?: Record<string, string>;
}
export declare function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv;
