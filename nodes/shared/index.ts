// The shared core: what every provider's nodes use. Import from here, not from the files.
// docs/architecture.md says which piece is for what.
export * from './actions/define';
export * from './actions/properties';
export * from './actions/runOperations';
export * from './actions/parameters';
export * from './actions/fields';
export * from './conversation/key';
export * from './conversation/event';
export * from './conversation/target';
export * from './errors/inputError';
export * from './schema/coerce';
export * from './webhook/secret';
export * from './webhook/respond';
export * from './webhook/body';
export * from './webhook/recentDeliveries';
export * from './webhook/sharedMemory';
export * from './webhook/urlToken';
export * from './text/split';
export * from './timing/pause';
export * from './transport/types';
export * from './transport/request';
export * from './transport/errors';
export * from './util/compact';
export * from './util/settle';
export { retryAfterMs } from './transport/retryAfter';
export { backoffDelayMs } from './transport/backoff';
export { acquireRateLimits, resetRateLimits } from './transport/rateLimiter';
