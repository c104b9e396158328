export {
	N8nInstance,
	E2E_ENCRYPTION_KEY,
	type N8nInstanceOptions,
	type PublicationStatus,
	type WebhookRequestOptions,
} from './n8n-instance';
export type { CredentialFixture, WorkflowJson } from './fixtures';
export { nodeOutput, type N8nExecution } from './executions';
export type { HttpResponse } from './http';
export { declaredCredentialTypes, declaredNodeTypes } from './package-node-types';
export { packageUnderTestDir, n8nMajor, n8nRuntime } from './paths';
export { readPackedPackage } from './packed-package';
export { waitFor, sleep } from './wait';
