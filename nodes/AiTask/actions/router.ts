import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations, type ItemOperation } from '../../shared';
import * as custom from './custom';
import * as message from './message';
import * as target from './target';

/** AI Task operations answer with Selarti's JSON for the item. */
function answering(
	execute: (
		this: IExecuteFunctions,
		itemIndex: number,
		item: INodeExecutionData,
	) => Promise<IDataObject>,
): ItemOperation<undefined> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		return { json: await execute.call(this, itemIndex, this.getInputData()[itemIndex]) };
	};
}

/** Runs the chosen operation per item; a failed item becomes an error item when "continue on fail" is on. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations(this, {
		operations: {
			message: { send: answering(message.send.execute) },
			target: { add: answering(target.add.execute) },
			custom: { apiCall: answering(custom.apiCall.execute) },
		},
		context: undefined,
	});
}
