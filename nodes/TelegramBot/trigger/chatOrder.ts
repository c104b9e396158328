import { pause } from '../../shared';

/** One update ready to run. */
export interface OrderedRun {
	/** Runs with the same chat start one after another, in the order given; other chats do not wait. */
	chat: string;
	/** Starts the run; the promise settles when n8n reports the run finished. */
	start(): Promise<unknown>;
}

/**
 * Keeps each chat's runs in update order, so a user's two quick messages reach the workflow (and
 * the AI behind it) in the order they were written. n8n 2.x starts the runs of back-to-back
 * emits in no fixed order (each emit first reloads the workflow, asynchronously), and on any
 * version two runs of one chat would otherwise overlap. So a chat's next run starts only once its
 * previous run has finished, as n8n's donePromise reports it (the way n8n's own queue triggers
 * process messages one at a time).
 *
 * A run that never reports its end (stuck, or never started) must not stall the bot: within one
 * batch nothing waits longer than `maxWaitMs` after the batch arrived; after that the rest of the
 * batch starts without waiting (in order of emits, no longer guaranteed to run in that order).
 *
 * The last run of each chat is remembered in this object (one per activated trigger, in the
 * process that polls), so the first update of the next batch waits for it too. A restart forgets
 * it: the first run after a restart does not wait for a run of the previous process.
 */
export class ChatOrder {
	private readonly lastRun = new Map<string, Promise<void>>();

	constructor(
		private readonly maxWaitMs: number,
		private readonly signal: AbortSignal,
	) {}

	/**
	 * Starts every run of a batch, each chat in order, chats in parallel. Resolves once every run
	 * has been started (not finished), or as soon as the signal aborts (the rest is not started).
	 */
	async startAll(runs: OrderedRun[]): Promise<void> {
		const deadline = Date.now() + this.maxWaitMs;
		const byChat = new Map<string, OrderedRun[]>();
		for (const run of runs) {
			const queue = byChat.get(run.chat);
			if (queue) queue.push(run);
			else byChat.set(run.chat, [run]);
		}
		await Promise.all(
			[...byChat].map(async ([chat, queue]) => {
				for (const run of queue) {
					await this.previousRunOf(chat, deadline);
					if (this.signal.aborted) return;
					this.remember(chat, run.start());
				}
			}),
		);
	}

	/** Waits until the chat's previous run has finished, the deadline has passed, or we stop. */
	private async previousRunOf(chat: string, deadline: number): Promise<void> {
		const previous = this.lastRun.get(chat);
		if (!previous) return;
		const done = new AbortController();
		const stop = () => done.abort();
		this.signal.addEventListener('abort', stop);
		try {
			await Promise.race([previous, pause(deadline - Date.now(), done.signal)]);
		} finally {
			done.abort();
			this.signal.removeEventListener('abort', stop);
		}
	}

	private remember(chat: string, run: Promise<unknown>): void {
		// A failed run has finished too: the next one may start.
		const finished = run.then(
			() => undefined,
			() => undefined,
		);
		this.lastRun.set(chat, finished);
		// Forget finished chats, so a bot with many chats does not grow this map forever.
		void finished.then(() => {
			if (this.lastRun.get(chat) === finished) this.lastRun.delete(chat);
		});
	}

	/** How many chats have a run still going (for tests). */
	get chatsRunning(): number {
		return this.lastRun.size;
	}
}
