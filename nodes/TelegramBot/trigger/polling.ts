import type { INodeExecutionData, Logger } from 'n8n-workflow';

import { backoffDelayMs, pause, retryAfterOfError } from '../../shared';
import { telegramRequest, telegramErrorOf, type TelegramEnvelope } from '../transport';
import { ChatOrder } from './chatOrder';
import type { DownloadContext } from './download';
import { updateSchema } from './parse';
import { updateToItem, type TriggerSettings } from './pipeline';

/** Where the next offset is kept between restarts (workflow static data). */
export interface OffsetStore {
	get(): number | undefined;
	set(offset: number): void;
	/** Ids of the batch below the offset whose runs were not started yet (saved with every emit). */
	getUnstarted(): number[];
	setUnstarted(ids: number[]): void;
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
	/** Starts one run with these items; the promise settles when n8n reports the run finished. */
	startRun(items: INodeExecutionData[]): Promise<unknown>;
	/** The longest a batch waits for earlier runs of a chat before starting the rest (ChatOrder). */
	maxRunWaitMs: number;
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

function updateIdOf(update: unknown): number | undefined {
	const id = Number((update as { update_id?: unknown } | null)?.update_id);
	return Number.isSafeInteger(id) ? id : undefined;
}

/** Updates of one chat keep their order; an update without a chat (inline query, poll) has its own. */
function chatOf(item: INodeExecutionData, updateId: number | undefined): string {
	const key = (item.json.conversation as { key?: unknown } | undefined)?.key;
	return typeof key === 'string' ? key : `update:${String(updateId)}`;
}

/**
 * After a restart in the middle of a batch: the saved offset is past the whole batch, but some of
 * its runs had not started. They are still at Telegram (the offset is only sent to Telegram once
 * every run of the batch started), so the first call asks from the lowest of them, and of what
 * comes back below the saved offset only those run; the others ran before the restart.
 */
interface Resume {
	below: number;
	unstarted: Set<number>;
}

function resumeOf(offsets: OffsetStore): Resume | undefined {
	const below = offsets.get();
	const unstarted = offsets.getUnstarted().filter((id) => below !== undefined && id < below);
	return below !== undefined && unstarted.length
		? { below, unstarted: new Set(unstarted) }
		: undefined;
}

/** The update's id for a log line, never the update itself (it may hold a user's text). */
function describeId(update: unknown): string {
	const id = (update as { update_id?: unknown } | null)?.update_id;
	return typeof id === 'number' || (typeof id === 'string' && id.length <= 20)
		? String(id)
		: '(no id)';
}

interface Collected {
	item: INodeExecutionData;
	updateId: number | undefined;
}

/** Adds the update's item (unless filtered out); returns why it was skipped, if it was. */
async function collectItem(
	options: LongPollOptions,
	update: unknown,
	items: Collected[],
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
		if (item) items.push({ item, updateId: updateIdOf(update) });
		return undefined;
	} catch (error) {
		return `it could not be read (${(error as Error).message})`;
	}
}

/**
 * The long-polling loop. Delivery rule, so that a restart neither loses nor repeats updates:
 *   1. getUpdates(offset) returns a batch; calling it with a higher offset later is what tells
 *      Telegram the earlier updates are done (Telegram forgets them only then).
 *   2. The new offset, and the ids whose runs are still to start, are put into static data
 *      *before* the first run starts; each run's id leaves that list just before its emit. n8n
 *      saves static data as part of emit(), so what is on disk always says which runs started.
 *   3. Runs start chat by chat in update order (ChatOrder). Only when every run of the batch has
 *      started does the next getUpdates call, with the new offset, confirm the batch to Telegram.
 * Stopped before the first emit of a batch (deactivation aborts the call, or a crash), nothing was
 * confirmed or emitted: the batch comes again after the restart. Stopped in the middle, the
 * batch is still at Telegram and the saved list names the runs that did not start: only those
 * run after the restart (resumeOf). Stopped after the last emit, the saved offset confirms the
 * batch on the first call after the restart: it does not come again.
 */
export async function longPoll(options: LongPollOptions): Promise<void> {
	const { context, signal, offsets } = options;
	const order = new ChatOrder(options.maxRunWaitMs, signal);
	let resume = options.stopAfterFirstItems ? undefined : resumeOf(offsets);
	let offset = resume ? Math.min(...resume.unstarted) : offsets.get();
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

		const items: Collected[] = [];
		let nextOffset = offset;
		for (const update of Array.isArray(updates) ? updates : []) {
			const id = updateIdOf(update);
			const ranBeforeRestart =
				resume !== undefined && id !== undefined && id < resume.below && !resume.unstarted.has(id);
			// One bad update must never stall the bot: it is reported, skipped and confirmed with
			// the rest of the batch, so the updates behind it still run.
			const problem = ranBeforeRestart ? undefined : await collectItem(options, update, items);
			if (problem) {
				options.logger.warn(
					`Telegram Bot Polling Trigger: skipped update ${describeId(update)}: ${problem}`,
				);
			}
			if (id !== undefined && (nextOffset === undefined || id + 1 > nextOffset))
				nextOffset = id + 1;
		}
		// Stopped while downloading files: emit nothing, confirm nothing; the batch comes again.
		if (signal.aborted) return;

		offset = nextOffset;
		if (resume && offset !== undefined && offset >= resume.below) resume = undefined;
		if (options.stopAfterFirstItems) {
			if (items.length) {
				await options.startRun(items.map(({ item }) => item));
				return;
			}
			continue;
		}
		await startRuns(options, offset, items, order);
	}
}

/** Saves the offset and the ids still to start, then starts each update's run (ChatOrder). */
async function startRuns(
	options: LongPollOptions,
	offset: number | undefined,
	items: Collected[],
	order: ChatOrder,
): Promise<void> {
	const { offsets } = options;
	if (offset !== undefined) offsets.set(offset);
	const unstarted = new Set(
		items.map(({ updateId }) => updateId).filter((id): id is number => id !== undefined),
	);
	offsets.setUnstarted([...unstarted]);
	await order.startAll(
		items.map(({ item, updateId }) => ({
			chat: chatOf(item, updateId),
			start: () => {
				if (updateId !== undefined) unstarted.delete(updateId);
				offsets.setUnstarted([...unstarted]);
				return options.startRun([item]);
			},
		})),
	);
}
