import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { dialog360Request } from '../transport';

/**
 * The number's templates for the Template Name dropdown: GET /v1/configs/templates, the path
 * 360dialog documents for creating them (POST) on waba-v2. The list's shape is not published
 * for the Messaging API: `waba_templates` (what the On-Premise-era API answered) is read, and
 * `data` / `templates` as fallbacks. Only approved ones are offered; the field also takes an
 * expression, so an unreadable list never blocks a send.
 */
export async function listTemplates(context: RequestContext): Promise<INodePropertyOptions[]> {
	const answer = await dialog360Request<IDataObject>(context, {
		method: 'GET',
		path: '/v1/configs/templates',
		kind: 'read',
	});
	const list = [answer?.waba_templates, answer?.data, answer?.templates].find(Array.isArray) as
		| IDataObject[]
		| undefined;
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const template of list ?? []) {
		const name = typeof template.name === 'string' ? template.name : '';
		const status = String(template.status ?? 'approved').toLowerCase();
		if (!name || status !== 'approved' || seen.has(name)) continue;
		seen.add(name);
		const languages = (list ?? [])
			.filter((other) => other.name === name && other.language)
			.map((other) => String(other.language));
		options.push({
			name,
			value: name,
			description: languages.length ? `Languages: ${languages.join(', ')}` : undefined,
		});
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
