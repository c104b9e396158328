/** Fake provider servers for unit and end-to-end tests; see each module's header. */
export * from './fake-server';
export * from './rate-limiter';
export * from './multipart';
export * from './selarti';
export * from './telegram';
export * from './telegram-updates';
export * from './telegram-messages';
export * from './omnidesk';
export * from './dialog360';
export * from './wazzup';
