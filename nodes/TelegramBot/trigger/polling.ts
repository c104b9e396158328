import type { INodeExecutionData, Logger } from 'n8n-workflow';

import { backoffDelayMs, pause, retryAfterOfError } from '../../shared';
import { telegramRequest, telegramErrorOf, type TelegramEnvelope } from '../transport';
import type { DownloadContext } from './download';
import { updateSchema } from './parse';
import { updateToItem, type TriggerSettings } from './pipeline';

/** Where the next offset is kept between restarts (workflow static data). */
export interface OffsetStore {
	get(): number | undefined;
	set(offset: number): void;
}

export interface LongPollOptions {
	context: DownloadContext;
	logger: Logger;
	botId: string;
	settings: TriggerSettings;
	allowedUpdates: string[];
	/** Seconds Telegram holds a getUpdates call open while there is nothing to deliver. */
	timeoutSeconds: number;
	/** Updates per call, 1–100. */
	limit: number;
	signal: AbortSignal;
	offsets: OffsetStore;
	/** Starts runs for the items of one batch. */
	emit(items: INodeExecutionData[]): void;
	/** An error polling cannot recover from (revoked token, a webhook set meanwhile). */
	fail(error: Error): void;
	/** Editor test: return after the first batch that produced items, and remember nothing. */
	stopAfterFirstItems?: boolean;
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

/** Errors that waiting will not fix: the workflow must be reactivated after the cause is fixed. */
function isFatal(answer: TelegramEnvelope | undefined): boolean {
	if (!answer) return false;
	if (answer.error_code === 401 || answer.error_code === 404) return true;
	return answer.error_code === 409 && /webhook is active/i.test(answer.description ?? '');
}

function nextOffsetAfter(update: unknown): number | undefined {
	const id = Number((update as { update_id?: unknown })?.update_id);
	return Number.isSafeInteger(id) ? id + 1 : undefined;
}

/** The update's id for a log line, never the update itself (it may hold a user's text). */
function describeId(update: unknown): string {
	const id = (update as { update_id?: unknown } | null)?.update_id;
	return typeof id === 'number' || (typeof id === 'string' && id.length <= 20)
		? String(id)
		: '(no id)';
}

/** Adds the update's item (unless filtered out); returns why it was skipped, if it was. */
async function collectItem(
	options: LongPollOptions,
	update: unknown,
	items: INodeExecutionData[],
): Promise<string | undefined> {
	const parsed = updateSchema.safeParse(update);
	if (!parsed.success)
		return `not a valid update (${parsed.error.issues[0]?.message ?? 'unknown shape'})`;
	try {
		const item = await updateToItem(
			options.context,
			parsed.data,
			options.botId,
			options.settings,
			options.signal,
		);
		if (item) items.push(item);
		return undefined;
	} catch (error) {
		return `it could not be read (${(error as Error).message})`;
	}
}

/**
 * The long-polling loop. Delivery rule, so that a restart neither loses nor repeats updates:
 *   1. getUpdates(offset) returns a batch; calling it with a higher offset later is what tells
 *      Telegram the earlier updates are done (Telegram forgets them only then).
 *   2. The new offset is put into static data *before* the batch is emitted: n8n saves static
 *      data as part of emit(), so the offset is on disk when the runs start.
 *   3. The next getUpdates call, with that offset, confirms the batch to Telegram.
 * Stopped between 1 and 2 (deactivation aborts the call, or a crash), nothing was confirmed
 * or emitted: the batch comes again after the restart. Stopped after 2, the saved offset confirms
 * the batch on the first call after the restart: it does not come again.
 */
export async function longPoll(options: LongPollOptions): Promise<void> {
	const { context, signal, offsets } = options;
	let offset = offsets.get();
	let failures = 0;

	while (!signal.aborted) {
		let updates: unknown[];
		try {
			updates = await telegramRequest<unknown[]>(context, {
				method: 'getUpdates',
				body: {
					...(offset !== undefined ? { offset } : {}),
					limit: options.limit,
					timeout: options.timeoutSeconds,
					allowed_updates: options.allowedUpdates,
				},
				kind: 'read',
				abortSignal: signal,
				// A dead connection must not hang the loop: give up a little after the long-poll window.
				timeoutMs: (options.timeoutSeconds + 15) * 1000,
				// This loop backs off itself (and must not keep retrying once stopped).
				retry: { maxAttempts: 1 },
			});
			failures = 0;
		} catch (error) {
			if (signal.aborted) return;
			const answer = telegramErrorOf(error);
			if (isFatal(answer)) {
				options.fail(error as Error);
				return;
			}
			failures++;
			const wait =
				retryAfterOfError(error) ??
				Math.max(BACKOFF_BASE_MS / 2, backoffDelayMs(failures, BACKOFF_BASE_MS, BACKOFF_MAX_MS));
			options.logger.warn(
				`Telegram Bot Polling Trigger: getUpdates failed (${(error as Error).message}); retrying in ${Math.round(wait / 1000)} s`,
			);
			await pause(wait, signal);
			continue;
		}

		const items: INodeExecutionData[] = [];
		let nextOffset = offset;
		for (const update of Array.isArray(updates) ? updates : []) {
			// One bad update must never stall the bot: it is reported, skipped and confirmed with
			// the rest of the batch, so the updates behind it still run.
			const problem = await collectItem(options, update, items);
			if (problem) {
				options.logger.warn(
					`Telegram Bot Polling Trigger: skipped update ${describeId(update)}: ${problem}`,
				);
			}
			const after = nextOffsetAfter(update);
			if (after !== undefined && (nextOffset === undefined || after > nextOffset))
				nextOffset = after;
		}
		// Stopped while downloading files: emit nothing, confirm nothing; the batch comes again.
		if (signal.aborted) return;

		offset = nextOffset;
		if (options.stopAfterFirstItems) {
			if (items.length) {
				options.emit(items);
				return;
			}
			continue;
		}
		if (offset !== undefined) offsets.set(offset);
		if (items.length) options.emit(items);
	}
}
