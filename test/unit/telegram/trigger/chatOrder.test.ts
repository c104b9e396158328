import { ChatOrder, type OrderedRun } from '../../../../nodes/TelegramBot/trigger/chatOrder';

/** Runs whose end the test decides: `started` lists them in the order they were started. */
function runs() {
	const started: string[] = [];
	const finishers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
	const run = (chat: string, name: string): OrderedRun => ({
		chat,
		start: () => {
			started.push(name);
			return new Promise<void>((resolve, reject) => finishers.set(name, { resolve, reject }));
		},
	});
	const finish = (name: string) => finishers.get(name)!.resolve();
	const fail = (name: string) => finishers.get(name)!.reject(new Error('run failed'));
	return { started, run, finish, fail };
}

/** Lets promise callbacks and short timers run (the waits here are event-driven, not timed). */
const settle = async (ms = 20) => await new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await settle(5);
	}
}

describe('ChatOrder (each chat in update order, chats in parallel)', () => {
	it("starts a chat's next run only after its previous run finished; other chats do not wait", async () => {
		const { started, run, finish } = runs();
		const order = new ChatOrder(60_000, new AbortController().signal);
		let allStarted = false;
		void order
			.startAll([run('A', 'A1'), run('B', 'B1'), run('A', 'A2'), run('C', 'C1'), run('B', 'B2')])
			.then(() => (allStarted = true));
		await waitUntil(() => started.length === 3, 'the first run of each chat');
		expect(started).toEqual(['A1', 'B1', 'C1']);
		await settle();
		expect(started).toHaveLength(3);

		finish('B1');
		await waitUntil(() => started.length === 4, 'B2');
		expect(started[3]).toBe('B2');
		expect(allStarted).toBe(false);
		finish('A1');
		await waitUntil(() => allStarted, 'every run started');
		expect(started).toEqual(['A1', 'B1', 'C1', 'B2', 'A2']);
	});

	it("the next batch's first run of a chat waits for that chat's last run of the batch before", async () => {
		const { started, run, finish } = runs();
		const order = new ChatOrder(60_000, new AbortController().signal);
		await order.startAll([run('A', 'A1')]);
		let secondStarted = false;
		void order.startAll([run('A', 'A2'), run('B', 'B1')]).then(() => (secondStarted = true));
		await waitUntil(() => started.includes('B1'), 'B1');
		await settle();
		expect(started).toEqual(['A1', 'B1']);
		expect(secondStarted).toBe(false);
		finish('A1');
		await waitUntil(() => secondStarted, 'the second batch');
		expect(started).toEqual(['A1', 'B1', 'A2']);
	});

	it('a failed run counts as finished, and finished chats are forgotten', async () => {
		const { started, run, finish, fail } = runs();
		const order = new ChatOrder(60_000, new AbortController().signal);
		const batch = order.startAll([run('A', 'A1'), run('A', 'A2')]);
		await waitUntil(() => started.length === 1, 'A1');
		fail('A1');
		await batch;
		expect(started).toEqual(['A1', 'A2']);
		expect(order.chatsRunning).toBe(1);
		finish('A2');
		await waitUntil(() => order.chatsRunning === 0, 'the chat to be forgotten');
	});

	it('a run that never reports its end holds its chat no longer than the bound, then the rest starts', async () => {
		const { started, run } = runs();
		const bound = 400;
		const order = new ChatOrder(bound, new AbortController().signal);
		const begin = Date.now();
		await order.startAll([run('A', 'A1'), run('A', 'A2'), run('A', 'A3')]);
		// The batch waited for A1 (at least the bound), then started the rest in order.
		expect(Date.now() - begin).toBeGreaterThanOrEqual(bound - 20);
		expect(started).toEqual(['A1', 'A2', 'A3']);
	});

	it('stops starting runs when the signal aborts (deactivation), and returns', async () => {
		const { started, run } = runs();
		const stop = new AbortController();
		const order = new ChatOrder(60_000, stop.signal);
		const batch = order.startAll([run('A', 'A1'), run('A', 'A2'), run('B', 'B1')]);
		await waitUntil(() => started.length === 2, 'A1 and B1');
		stop.abort();
		await batch;
		await settle();
		expect(started).toEqual(['A1', 'B1']);
	});
});
