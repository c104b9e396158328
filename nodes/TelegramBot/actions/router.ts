import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { botIdentity } from '../transport';
import { answer } from './callback';
import { ChatIdError } from './common/chat';
import { KeyboardError } from './common/keyboard';
import { PartialSendError, type OperationContext } from './common/send';
import { TextSplitError } from './common/text';
import { get } from './file';
import { deleteMessage, editText, sendChatAction, sendMedia, sendText } from './message';
import { MEDIA_OPERATIONS, type MediaOperation } from './message/sendMedia';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
) => Promise<INodeExecutionData>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
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

/** Our own checks fail as NodeOperationErrors naming the item; Telegram's errors stay NodeApiErrors. */
function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (
		error instanceof ChatIdError ||
		error instanceof KeyboardError ||
		error instanceof TextSplitError ||
		error instanceof PartialSendError
	) {
		return new NodeOperationError(this.getNode(), error.message, { itemIndex });
	}
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { botId } = await botIdentity(this);
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = OPERATIONS[resource]?.[operation];
		try {
			if (!run)
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of "${resource}" is not supported.`,
					{ itemIndex },
				);
			output.push(await run.call(this, itemIndex, { botId }));
		} catch (error) {
			const failure = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push({
				json: {
					ok: false,
					error: failure.message,
					...(error instanceof PartialSendError ? { sentMessageIds: error.sentMessageIds } : {}),
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
