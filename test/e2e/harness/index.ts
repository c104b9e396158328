export {
	N8nInstance,
	E2E_ENCRYPTION_KEY,
	type N8nInstanceOptions,
	type WebhookRequestOptions,
} from './n8n-instance';
export type { CredentialFixture, WorkflowJson } from './fixtures';
export { nodeOutput, type N8nExecution } from './executions';
export type { HttpResponse } from './http';
export { declaredCredentialTypes, declaredNodeTypes } from './package-node-types';
export { packageUnderTestDir } from './paths';
export { readPackedPackage } from './packed-package';
export { waitFor, sleep } from './wait';
