import { messages, resetTriggerMemory } from '../../../../nodes/Omnidesk/trigger/memory';
import { omnideskTrigger } from '../../../helpers/hostile-triggers';
import { describeSharedDedupe } from '../../../helpers/shared-dedupe-suite';
import { omnideskTriggerHarness } from '../../../helpers/trigger-harnesses';

describeSharedDedupe(
	omnideskTrigger,
	(staticData, mode) =>
		omnideskTriggerHarness({ workflowId: 'wfSharedDedupe01', staticData, mode }),
	resetTriggerMemory,
	messages.stored.field,
);
