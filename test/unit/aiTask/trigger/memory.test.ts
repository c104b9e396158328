import {
	dialogStates,
	resetTriggerMemory,
	seenMessages,
	triggerMemories,
	turnedOn,
} from '../../../../nodes/AiTask/trigger/memory';
import { RecentMap, StaticDataMap } from '../../../../nodes/shared';

describe('AI Task Trigger: flag memory (turnedOn)', () => {
	it('reports a flag once when it turns on, not again while it stays on', () => {
		const memory = new RecentMap<string>(10, 60_000);
		expect(turnedOn('d1', 'close', 'yes', memory)).toBe(true);
		expect(turnedOn('d1', 'close', 'yes', memory)).toBe(false);
		expect(memory.get('d1|close')).toBe('yes');
	});

	it('reports a flag again when it changes to a new value', () => {
		const memory = new RecentMap<string>(10, 60_000);
		turnedOn('d1', 'operator', 'manager-1', memory);
		expect(turnedOn('d1', 'operator', 'manager-2', memory)).toBe(true);
	});

	it('forgets a flag that turns off, so turning it on again counts', () => {
		const memory = new RecentMap<string>(10, 60_000);
		turnedOn('d1', 'close', 'yes', memory);
		expect(turnedOn('d1', 'close', undefined, memory)).toBe(false);
		expect(memory.get('d1|close')).toBeUndefined();
		expect(memory.size).toBe(0);
		expect(turnedOn('d1', 'close', 'yes', memory)).toBe(true);
	});

	it('never reports a flag that is off, even the first time', () => {
		const memory = new RecentMap<string>(10, 60_000);
		expect(turnedOn('d1', 'close', undefined, memory)).toBe(false);
	});

	it('keeps flags of different dialogs and different flags apart', () => {
		const memory = new RecentMap<string>(10, 60_000);
		expect(turnedOn('d1', 'close', 'yes', memory)).toBe(true);
		expect(turnedOn('d2', 'close', 'yes', memory)).toBe(true);
		expect(turnedOn('d1', 'success', 'yes', memory)).toBe(true);
		expect(memory.size).toBe(3);
	});

	it.each([undefined, ''])(
		'without a dialog id (%j), counts an "on" flag every time and remembers nothing',
		(dialog) => {
			const memory = new RecentMap<string>(10, 60_000);
			expect(turnedOn(dialog, 'close', 'yes', memory)).toBe(true);
			expect(turnedOn(dialog, 'close', 'yes', memory)).toBe(true);
			expect(turnedOn(dialog, 'close', undefined, memory)).toBe(false);
			expect(memory.size).toBe(0);
		},
	);

	it('uses the process-wide memory by default, which resetTriggerMemory clears', () => {
		resetTriggerMemory();
		expect(turnedOn('d-default', 'close', 'yes')).toBe(true);
		expect(turnedOn('d-default', 'close', 'yes')).toBe(false);
		seenMessages.set('m1', true);
		resetTriggerMemory();
		expect(dialogStates.size).toBe(0);
		expect(seenMessages.size).toBe(0);
		expect(turnedOn('d-default', 'close', 'yes')).toBe(true);
		resetTriggerMemory();
	});
});

describe('AI Task Trigger: process memories are bounded', () => {
	afterEach(() => resetTriggerMemory());

	/** The memories as a fresh module would build them, reading a clock the test sets. */
	function memoriesOnAClock(): {
		memory: typeof import('../../../../nodes/AiTask/trigger/memory');
		setNow: (ms: number) => void;
	} {
		let now = 0;
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		let memory: typeof import('../../../../nodes/AiTask/trigger/memory') | undefined;
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			memory = require('../../../../nodes/AiTask/trigger/memory');
		});
		afterClock.push(() => spy.mockRestore());
		return { memory: memory!, setNow: (ms) => (now = ms) };
	}
	const afterClock: Array<() => void> = [];
	afterEach(() => afterClock.splice(0).forEach((undo) => undo()));

	it('remembers a message id for an hour, then forgets it', () => {
		const { memory, setNow } = memoriesOnAClock();
		memory.seenMessages.set('m1', true);
		setNow(60 * 60 * 1000);
		expect(memory.seenMessages.get('m1')).toBe(true);
		setNow(60 * 60 * 1000 + 1);
		expect(memory.seenMessages.get('m1')).toBeUndefined();
	});

	it('remembers a dialog flag for a week, then forgets it', () => {
		const week = 7 * 24 * 60 * 60 * 1000;
		const { memory, setNow } = memoriesOnAClock();
		memory.dialogStates.set('d1|close', 'yes');
		setNow(week);
		expect(memory.dialogStates.get('d1|close')).toBe('yes');
		setNow(week + 1);
		expect(memory.dialogStates.get('d1|close')).toBeUndefined();
	});

	it.each([
		['message ids', seenMessages as RecentMap<unknown>, 10_000],
		['dialog flags', dialogStates as RecentMap<unknown>, 20_000],
	])('holds at most a fixed number of %s', (_label, memory, max) => {
		for (let i = 0; i <= max; i++) memory.set(`k${i}`, 'x');
		expect(memory.size).toBe(max);
		expect(memory.get('k0')).toBeUndefined();
		expect(memory.get(`k${max}`)).toBe('x');
	});
});

describe('AI Task Trigger: memories of a production delivery', () => {
	afterEach(() => resetTriggerMemory());

	it('writes back, on opening, what this process recorded and another delivery’s save lost', () => {
		const saved = {};
		const memories = triggerMemories(saved, 'wf|node');
		memories.messages.set('wf|node|m-1', true);
		memories.dialogs.set('wf|node|thread-1|operator', 'on');
		// Another process's save of the same moment won: the database holds neither record.
		const lost: Record<string, never> = {};
		triggerMemories(lost, 'wf|node');
		const stored = (field: string) => new StaticDataMap<string | true>(lost, field, 10, 60_000);
		expect(stored('recentMessages').get('wf|node|m-1')).toBe(true);
		expect(stored('dialogs').get('wf|node|thread-1|operator')).toBe('on');
		// Another workflow node's data gets none of them.
		const other = {};
		triggerMemories(other, 'wf|other-node');
		expect(other).toEqual({});
	});
});
