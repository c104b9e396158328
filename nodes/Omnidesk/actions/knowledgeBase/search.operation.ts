import type { IDataObject } from 'n8n-workflow';

import { defineOperation, InputError, textParameter } from '../../../shared';
import { pagingFields, wantedCount } from '../../descriptions';
import { htmlToText } from '../../helpers/html';
import { optionalIdOf } from '../../helpers/directory';
import { omnideskList } from '../../transport';

/** A title or content that may be a string or an object keyed by language id (§2.5). */
function localized(value: unknown, languageId: string): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const byLanguage = value as Record<string, unknown>;
		const chosen = byLanguage[languageId] ?? Object.values(byLanguage)[0];
		return typeof chosen === 'string' ? chosen : '';
	}
	return '';
}

export const search = defineOperation({
	value: 'search',
	name: 'Search Articles',
	action: 'Search knowledge base articles',
	description: 'Find articles by text, to give the AI answers from your knowledge base',
	properties: [
		{
			displayName: 'Search Text',
			name: 'search',
			type: 'string',
			required: true,
			default: '',
			description: 'At least 3 characters; matched anywhere in title, text and tags',
		},
		...pagingFields(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Language ID',
					name: 'languageId',
					type: 'string',
					default: 'all',
					description: 'Omnidesk language ID, or "all" for every language',
				},
				{
					displayName: 'Section ID',
					name: 'sectionId',
					type: 'string',
					default: '',
					description: 'Only articles of this knowledge base section',
				},
			],
		},
	],
	async execute(context) {
		const text = textParameter(context.parameter('search')).trim();
		if (text.length < 3) {
			throw new InputError(
				`Search Text "${text}" is shorter than 3 characters.`,
				'Omnidesk searches with at least 3 characters: map the client question or a keyword.',
			);
		}
		const options = context.parameter<{ languageId?: string; sectionId?: string }>('options', {});
		const qs: IDataObject = { search: text };
		const languageId = (options.languageId ?? 'all').trim() || 'all';
		qs.language_id = languageId;
		const sectionId = optionalIdOf(options.sectionId, 'Section ID');
		if (sectionId !== undefined) qs.section_id = sectionId;
		const articles = await omnideskList<IDataObject>(context.execution, {
			path: '/kb_article.json',
			key: 'kb_article',
			qs,
			limit: wantedCount(context.parameter),
			itemIndex: context.itemIndex,
		});
		// A plain-text copy next to Omnidesk's HTML, ready for an AI prompt.
		return articles.map((article) => ({
			json: {
				...article,
				title: htmlToText(localized(article.article_title, languageId)),
				text: htmlToText(localized(article.article_content, languageId)),
			},
		}));
	},
});
