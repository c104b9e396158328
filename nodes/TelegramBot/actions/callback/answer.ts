import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { telegramCall } from '../../transport';
import { showFor } from '../common/fields';
import type { OperationContext } from '../common/send';

/** Telegram shows at most 200 characters in a callback notification. */
const ANSWER_TEXT_LIMIT = 200;

export const description: INodeProperties[] = showFor(
	'callback',
	['answer'],
	[
		{
			displayName: 'Callback Query ID',
			name: 'callbackQueryId',
			type: 'string',
			required: true,
			default: '={{ $json.message?.callbackQueryId }}',
			description:
				'The ID of the button press, from a callback event of the Telegram trigger. Answer within about 15 seconds.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
					description: 'A short notification (at most 200 characters)',
				},
				{
					displayName: 'Show Alert',
					name: 'showAlert',
					type: 'boolean',
					default: false,
					description: 'Whether to show the text as an alert with an OK button instead of a toast',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					description: 'A URL the client opens (a game, or t.me/yourbot?start=…)',
				},
				{
					displayName: 'Cache Time',
					name: 'cacheTime',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Seconds the client may cache this answer',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
): Promise<INodeExecutionData> {
	const callbackQueryId = String(this.getNodeParameter('callbackQueryId', itemIndex) ?? '').trim();
	if (!callbackQueryId) {
		throw new NodeOperationError(this.getNode(), 'Callback Query ID is empty.', {
			itemIndex,
			description: 'Map message.callbackQueryId from a callback event of the Telegram trigger.',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		text?: string;
		showAlert?: boolean;
		url?: string;
		cacheTime?: number;
	};
	if (options.text && options.text.length > ANSWER_TEXT_LIMIT) {
		throw new NodeOperationError(
			this.getNode(),
			`The answer text has ${options.text.length} characters; Telegram shows at most ${ANSWER_TEXT_LIMIT}.`,
			{ itemIndex },
		);
	}
	const body: IDataObject = { callback_query_id: callbackQueryId };
	if (options.text) body.text = options.text;
	if (options.showAlert) body.show_alert = true;
	if (options.url) body.url = options.url;
	if (options.cacheTime) body.cache_time = options.cacheTime;
	await telegramCall(this, {
		method: 'answerCallbackQuery',
		body,
		kind: 'write',
		botId: context.botId,
		itemIndex,
	});
	return { json: { ok: true, callbackQueryId }, pairedItem: { item: itemIndex } };
}
