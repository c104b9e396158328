/** A logger for node contexts that keeps what nodes log, so tests can assert on warnings. */
import type { Logger } from 'n8n-workflow';

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: object;
}

export function createTestLogger(entries: LogEntry[]): Logger {
	const log =
		(level: LogEntry['level']) =>
		(message: string, meta?: object): void => {
			entries.push({ level, message, meta });
		};
	return {
		debug: log('debug'),
		info: log('info'),
		warn: log('warn'),
		error: log('error'),
		scoped: () => createTestLogger(entries),
	} as unknown as Logger;
}
