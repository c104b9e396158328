import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared';

/** URLs from a field that holds one per line or comma-separated; each must be http(s). */
export function attachmentUrlsOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,]/);
	const urls = list.map((url) => url.trim()).filter((url) => url !== '');
	for (const url of urls) {
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw new InputError(
				`Attachment URL "${url}" is not an http(s) URL.`,
				'Omnidesk downloads attachments from public http(s) URLs: one per line.',
			);
		}
	}
	return urls;
}

/** The text of a message or note as Omnidesk wants it: plain text in content, HTML in content_html. */
export function contentFields(text: string, format: string): IDataObject {
	return format === 'html' ? { content_html: text } : { content: text };
}

export const FORMAT_OPTION = {
	displayName: 'Format',
	name: 'format',
	type: 'options' as const,
	options: [
		{ name: 'HTML', value: 'html' },
		{ name: 'Plain Text', value: 'text' },
	],
	default: 'text',
	description: 'Whether the text is plain text or HTML',
};
