import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations, type OperationTable } from '../../shared';
import { botIdentity } from '../transport';
import { answer } from './callback';
import { PartialSendError, type OperationContext } from './common/send';
import { get } from './file';
import { deleteMessage, editText, sendChatAction, sendMedia, sendText } from './message';
import { MEDIA_OPERATIONS, type MediaOperation } from './message/sendMedia';

type Operation = OperationTable<OperationContext>[string][string];

const OPERATIONS: OperationTable<OperationContext> = {
	message: {
		sendText: sendText.execute,
		editText: editText.execute,
		delete: deleteMessage.execute,
		sendChatAction: sendChatAction.execute,
		...Object.fromEntries(
			(Object.keys(MEDIA_OPERATIONS) as MediaOperation[]).map((operation): [string, Operation] => [
				operation,
				async function (this: IExecuteFunctions, itemIndex, context) {
					return await sendMedia.execute.call(this, itemIndex, context, operation);
				},
			]),
		),
	},
	callback: { answer: answer.execute },
	file: { get: get.execute },
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { botId } = await botIdentity(this);
	return await runOperations(this, {
		operations: OPERATIONS,
		context: { botId },
		// A long text that failed part-way says which parts did arrive, so nothing is sent twice by hand.
		errorFields: (error) => ({
			ok: false,
			...(error instanceof PartialSendError ? { sentMessageIds: error.sentMessageIds } : {}),
		}),
	});
}
