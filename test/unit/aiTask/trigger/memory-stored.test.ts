import type { IDataObject } from 'n8n-workflow';

import {
	resetTriggerMemory,
	triggerMemories as memoriesOf,
	type TriggerMemories,
} from '../../../../nodes/AiTask/trigger/memory';

// main now also takes the trigger's scope; written so that the test compiles before and after.
const triggerMemories = (data: IDataObject) =>
	(memoriesOf as (data: IDataObject, scope: string) => TriggerMemories)(data, 'wf|node');

beforeEach(() => resetTriggerMemory());

describe("AI Task Trigger memories in the node's static data", () => {
	it('keeps them under the field names already saved in workflows (recentMessages, dialogs)', () => {
		const store: IDataObject = {};
		const memories = triggerMemories(store);
		memories.messages.set('wf|node|m-1', true);
		memories.dialogs.set('wf|node|d-1|handoff', 'on');
		expect(Object.keys(store).sort()).toEqual(['dialogs', 'recentMessages']);
	});

	it('reads a flag turned off as off, though static data keeps a marker for it', () => {
		const store: IDataObject = {};
		const { dialogs } = triggerMemories(store);
		dialogs.set('wf|node|d-1|handoff', 'on');
		dialogs.delete('wf|node|d-1|handoff');
		expect(dialogs.get('wf|node|d-1|handoff')).toBeUndefined();
		expect(
			triggerMemories(JSON.parse(JSON.stringify(store)) as IDataObject).dialogs.get(
				'wf|node|d-1|handoff',
			),
		).toBeUndefined();
	});

	it('writes nothing for a flag that was never on (n8n then has no static data to save)', () => {
		const store: IDataObject = {};
		triggerMemories(store).dialogs.delete('wf|node|d-2|handoff');
		expect(store).toEqual({});
	});
});
