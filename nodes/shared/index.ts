// The shared core: what every provider's nodes use. Import from here, not from the files.
export * from './conversation/key';
export * from './conversation/event';
export * from './schema/coerce';
export * from './webhook/secret';
export * from './webhook/respond';
export * from './webhook/body';
export * from './text/split';
export * from './transport/types';
export * from './transport/request';
export * from './transport/errors';
export * from './execute/run-operations';
export { retryAfterMs } from './transport/retry-after';
export { backoffDelayMs } from './transport/backoff';
export { acquireRateLimits, resetRateLimits } from './transport/rate-limiter';
export * from './timing/pause';
