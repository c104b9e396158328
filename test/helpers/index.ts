/** Realistic n8n contexts for unit tests; see node-harness.ts. */
export * from './node-harness';
export * from './credentials-helper';
export * from './parameters';
export * from './binary';
export * from './webhook-io';
export * from './test-logger';
export * from './fake-lifecycle';
