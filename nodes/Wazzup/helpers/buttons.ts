import type { IDataObject } from 'n8n-workflow';

import { InputError, jsonObjectParameter } from '../../shared';

/** One row of the Buttons field (descriptions.ts). */
export interface ButtonField {
	text?: string;
	type?: string;
	url?: string;
	callbackData?: string;
}

export interface ButtonSettings {
	mode: 'none' | 'fields' | 'json';
	buttons?: { button?: ButtonField[] };
	json?: unknown;
	keyboard?: string;
	oneTimeKeyboard?: boolean;
	removeKeyboard?: boolean;
}

/**
 * Wazzup's buttonsObject (api-reference §3.2: `{buttons: [{text, type, url, callbackData}],
 * replyMarkup, removeKeyboard, oneTimeKeyboard}`), or undefined for no buttons. The values of
 * `type` and `replyMarkup` are not in the public docs (NOT FOUND): ours are passed as chosen, and
 * the JSON mode sends any object as it is.
 */
export function buttonsObject(settings: ButtonSettings): IDataObject | undefined {
	if (settings.mode === 'json') {
		const object = jsonObjectParameter(settings.json, 'Buttons (JSON)');
		return Object.keys(object).length ? object : undefined;
	}
	if (settings.mode !== 'fields') {
		return settings.removeKeyboard ? { removeKeyboard: true } : undefined;
	}
	const rows = settings.buttons?.button ?? [];
	const buttons = rows.map((row, index) => {
		const text = (row.text ?? '').trim();
		if (!text)
			throw new InputError(`Button ${index + 1} has no text.`, 'Give every button a text.');
		const type = row.type ?? 'quickReply';
		const button: IDataObject = { text, type };
		if (type === 'url') {
			if (!/^https?:\/\//i.test(row.url ?? '')) {
				throw new InputError(
					`Button ${index + 1} ("${text}") needs a URL starting with http:// or https://.`,
				);
			}
			button.url = row.url;
		}
		if (type === 'callback') button.callbackData = (row.callbackData ?? '').trim() || text;
		return button;
	});
	if (buttons.length === 0) return settings.removeKeyboard ? { removeKeyboard: true } : undefined;
	const object: IDataObject = { buttons };
	if (settings.keyboard) object.replyMarkup = settings.keyboard;
	if (settings.oneTimeKeyboard) object.oneTimeKeyboard = true;
	if (settings.removeKeyboard) object.removeKeyboard = true;
	return object;
}
