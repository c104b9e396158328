import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, textParameter, optionsCollection } from '../../../shared';
import type { TelegramOperationContext } from '../../helpers/chatCall';
import { telegramRequest } from '../../transport';

/** Telegram shows at most 200 characters in a callback notification. */
const ANSWER_TEXT_LIMIT = 200;

export const answer = defineOperation({
	value: 'answer',
	name: 'Answer',
	action: 'Answer a button press',
	description: "Stop the button's loading spinner, optionally with a notification",
	properties: [
		{
			displayName: 'Callback Query ID',
			name: 'callbackQueryId',
			type: 'string',
			required: true,
			default: '={{ $json.message?.callbackQueryId }}',
			description:
				'The ID of the button press, from a callback event of the Telegram trigger. Answer within about 15 seconds.',
		},
		optionsCollection([
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
		]),
	],
	async execute(context: TelegramOperationContext) {
		const callbackQueryId = textParameter(context.parameter('callbackQueryId')).trim();
		if (!callbackQueryId) {
			throw new InputError(
				'Callback Query ID is empty.',
				'Map message.callbackQueryId from a callback event of the Telegram trigger.',
			);
		}
		const options = context.parameter<{
			text?: string;
			showAlert?: boolean;
			url?: string;
			cacheTime?: number;
		}>('options', {});
		if (options.text && options.text.length > ANSWER_TEXT_LIMIT) {
			throw new InputError(
				`The answer text has ${options.text.length} characters; Telegram shows at most ${ANSWER_TEXT_LIMIT}.`,
			);
		}
		const body: IDataObject = { callback_query_id: callbackQueryId };
		if (options.text) body.text = options.text;
		if (options.showAlert) body.show_alert = true;
		if (options.url) body.url = options.url;
		if (options.cacheTime) body.cache_time = options.cacheTime;
		await telegramRequest(context.execution, {
			method: 'answerCallbackQuery',
			body,
			kind: 'write',
			botId: context.botId,
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, callbackQueryId } };
	},
});
