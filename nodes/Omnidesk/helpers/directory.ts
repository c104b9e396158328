import type { IDataObject } from 'n8n-workflow';

import { InputError, type RequestContext } from '../../shared';
import { casePath } from './caseRef';
import { omnideskList, omnideskRequest } from '../transport';

export interface OmnideskLabel {
	label_id: number | string;
	label_title: string;
}

/** Every label of the account (Omnidesk lists them 100 a page). */
export async function allLabels(
	context: RequestContext,
	itemIndex?: number,
): Promise<OmnideskLabel[]> {
	return await omnideskList<OmnideskLabel>(context, {
		path: '/labels.json',
		key: 'label',
		itemIndex,
	});
}

/**
 * Label ids for what a field holds: ids (from the dropdown or typed) or titles (case-insensitive).
 * Titles are looked up once per call; an unknown title is an error that names it.
 */
export async function labelIdsOf(
	context: RequestContext,
	values: readonly unknown[],
	field: string,
	itemIndex?: number,
): Promise<number[]> {
	const wanted = values
		.flatMap((value) => (Array.isArray(value) ? value : String(value ?? '').split(',')))
		.map((value) => String(value).trim())
		.filter((value) => value !== '');
	const titles = wanted.filter((value) => !/^\d+$/.test(value));
	const labels = titles.length > 0 ? await allLabels(context, itemIndex) : [];
	return [
		...new Set(
			wanted.map((value) => {
				if (/^\d+$/.test(value)) return Number(value);
				const match = labels.find(
					(label) => label.label_title.trim().toLowerCase() === value.toLowerCase(),
				);
				if (!match) {
					throw new InputError(
						`${field}: there is no Omnidesk label "${value}".`,
						'Pick the label from the list, or type its exact title or its ID.',
					);
				}
				return Number(match.label_id);
			}),
		),
	];
}

/** An id field that may be empty: a number, or undefined. */
export function optionalIdOf(value: unknown, field: string): number | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	if (!/^\d+$/.test(text)) {
		throw new InputError(
			`${field} "${text}" is not an ID.`,
			'Pick it from the list or type a number.',
		);
	}
	return Number(text);
}

/** The case as Omnidesk has it now. */
export async function fetchCase(
	context: RequestContext,
	ref: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const body = await omnideskRequest<{ case?: IDataObject }>(context, {
		method: 'GET',
		path: casePath(ref),
		idempotent: true,
		itemIndex,
	});
	return body.case ?? {};
}

/** A case's labels as numbers, whether Omnidesk wrote them as numbers or strings. */
export function caseLabelIds(kase: IDataObject): number[] {
	const labels = Array.isArray(kase.labels) ? kase.labels : [];
	return labels.map((id) => Number(id)).filter((id) => Number.isInteger(id));
}
