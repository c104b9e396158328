import type { IDataObject } from 'n8n-workflow';

import { buildConversationKey, type OperationContext } from '../../shared';
import type { ChannelDirectory } from './channels';
import { deriveCrmMessageId } from './crmMessageId';
import type { WazzupTarget } from './target';

/** What every Wazzup operation gets besides the item (Wazzup.node.ts builds it once per run). */
export interface WazzupExtra {
	channels: ChannelDirectory;
}

export type WazzupOperationContext = OperationContext<WazzupExtra>;

/** The crmMessageId of one part of this item's send (helpers/crmMessageId.ts). */
export function crmMessageIdFor(context: WazzupOperationContext, part: number): string {
	const execution = context.execution;
	return deriveCrmMessageId({
		instanceId: execution.getInstanceId?.() ?? '',
		workflowId: execution.getWorkflow().id ?? '',
		executionId: execution.getExecutionId?.() ?? '',
		nodeId: execution.getNode().id,
		itemIndex: context.itemIndex,
		part,
	});
}

/** The target as output fields, with its conversation key for the next node. */
export function targetOutput(target: WazzupTarget): IDataObject {
	return {
		channelId: target.channelId,
		chatType: target.chatType,
		chatId: target.chatId,
		conversationKey: buildConversationKey({ channel: 'wazzup', ...target }),
	};
}
