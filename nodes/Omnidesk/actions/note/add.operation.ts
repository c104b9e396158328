import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, optionsCollection, textParameter } from '../../../shared';
import { caseField } from '../../descriptions';
import { caseRefOf, casePath } from '../../helpers/caseRef';
import { attachmentUrlsOf, contentFields, FORMAT_OPTION } from '../../helpers/content';
import { omnideskRequest } from '../../transport';

export const add = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add an internal note to a case',
	description: 'A note only staff see: the AI summary, links to the dialog',
	properties: [
		caseField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
		},
		optionsCollection([
			{
				displayName: 'Attachment URLs',
				name: 'attachmentUrls',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Files Omnidesk downloads and attaches, one URL per line',
			},
			FORMAT_OPTION,
		]),
	],
	async execute(context) {
		const ref = caseRefOf(context.parameter('chatId'));
		const text = textParameter(context.parameter('text'));
		if (!text.trim())
			throw new InputError('Text is empty.', 'Write the note, or map it from the AI.');
		const options = context.parameter<{ attachmentUrls?: string; format?: string }>('options', {});
		const fields: IDataObject = contentFields(text, options.format ?? 'text');
		const urls = attachmentUrlsOf(options.attachmentUrls);
		if (urls.length) fields.attachment_urls = urls;
		// Body key "note" as the SDK sends it; Omnidesk answers under "message".
		const body = await omnideskRequest<{ message?: IDataObject }>(context.execution, {
			method: 'POST',
			path: casePath(ref, '/note'),
			body: { note: fields },
			idempotent: false,
			itemIndex: context.itemIndex,
		});
		return { json: { ok: true, caseRef: ref, ...(body.message ?? body) } };
	},
});
