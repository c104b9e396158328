import type { IDataObject } from 'n8n-workflow';

import { InputError, type OperationContext } from '../../shared';
import {
	checkReplyMarkupJson,
	inlineKeyboardFromFields,
	replyKeyboardFromFields,
	type InlineButtonField,
	type ReplyButtonField,
	type ReplyKeyboardOptions,
	type ReplyMarkupMode,
} from './keyboard';

/** The reply_markup the node's Buttons fields describe (descriptions.ts), or undefined for none. */
export function replyMarkupFromParameters(context: OperationContext): IDataObject | undefined {
	const mode = context.parameter<ReplyMarkupMode>('replyMarkup', 'none');
	switch (mode) {
		case 'inlineKeyboard':
			return inlineKeyboardFromFields(
				context.parameter<InlineButtonField[]>('inlineButtons.button', []),
			);
		case 'replyKeyboard':
			return replyKeyboardFromFields(
				context.parameter<ReplyButtonField[]>('replyButtons.button', []),
				context.parameter<ReplyKeyboardOptions>('replyKeyboardOptions', {}),
			);
		case 'removeKeyboard':
			return { remove_keyboard: true };
		case 'forceReply':
			return { force_reply: true };
		case 'json':
			return checkReplyMarkupJson(context.parameter('replyMarkupJson'));
		default:
			return undefined;
	}
}

/**
 * The inline keyboard of an edited message (its "Buttons" field is `editReplyMarkup`): Telegram
 * lets an edit set nothing but an inline keyboard.
 */
export function editMarkupFromParameters(context: OperationContext): IDataObject | undefined {
	const mode = context.parameter<string>('editReplyMarkup', 'none');
	if (mode === 'inlineKeyboard') {
		return inlineKeyboardFromFields(
			context.parameter<InlineButtonField[]>('inlineButtons.button', []),
		);
	}
	if (mode === 'json') {
		const markup = checkReplyMarkupJson(context.parameter('replyMarkupJson'));
		if (!('inline_keyboard' in markup))
			throw new InputError('An edited message can only carry an inline_keyboard.');
		return markup;
	}
	return undefined;
}
