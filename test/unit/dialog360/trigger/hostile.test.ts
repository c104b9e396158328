import { forgetDeliveries } from '../../../../nodes/Dialog360/trigger/pipeline';
import { describeHostileInput } from '../../../helpers/hostile-suite';
import { dialog360Trigger } from '../../../helpers/hostile-triggers';
import { dialog360TriggerHarness } from '../../../helpers/trigger-harnesses';

describeHostileInput(
	dialog360Trigger,
	() => dialog360TriggerHarness({ workflowId: 'wfHostileInput01' }),
	forgetDeliveries,
);
