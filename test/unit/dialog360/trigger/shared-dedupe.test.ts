import { deliveries, forgetDeliveries } from '../../../../nodes/Dialog360/trigger/pipeline';
import { dialog360Trigger } from '../../../helpers/hostile-triggers';
import { describeSharedDedupe } from '../../../helpers/shared-dedupe-suite';
import { dialog360TriggerHarness } from '../../../helpers/trigger-harnesses';

describeSharedDedupe(
	dialog360Trigger,
	(staticData, mode) =>
		dialog360TriggerHarness({ workflowId: 'wfSharedDedupe01', staticData, mode }),
	forgetDeliveries,
	deliveries.stored.field,
);
