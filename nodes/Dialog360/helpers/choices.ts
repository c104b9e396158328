import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared';
import {
	BUTTON_TITLE_LIMIT,
	MAX_LIST_ROWS,
	MAX_REPLY_BUTTONS,
	ROW_DESCRIPTION_LIMIT,
	ROW_TITLE_LIMIT,
} from '../transport';

/** One option the user can pick. The id comes back in the reply; by default it is the title. */
export interface Choice {
	id: string;
	title: string;
	description?: string;
}

export type ChoiceLayout = 'buttons' | 'list' | 'text';

const CHOICES_FIX =
	'Enter one option per line, or map a list such as ["Yes", "No"] or [{"id": "yes", "title": "Yes"}].';

function choiceOf(entry: unknown, index: number): Choice {
	if (typeof entry === 'string' || typeof entry === 'number') {
		const title = String(entry).trim();
		return { id: title, title };
	}
	if (entry && typeof entry === 'object') {
		const raw = entry as IDataObject;
		const title = String(raw.title ?? raw.text ?? raw.label ?? '').trim();
		const id = String(raw.id ?? raw.callbackData ?? raw.value ?? title).trim();
		const description = raw.description ? String(raw.description).trim() : undefined;
		return description ? { id, title, description } : { id, title };
	}
	throw new InputError(
		`Option ${index + 1} in "Options" is neither text nor an object.`,
		CHOICES_FIX,
	);
}

/**
 * The options from a field: lines of text, JSON text, or a mapped array. Empty lines are dropped;
 * none at all is allowed (the text then goes as a plain message, e.g. an AI answer without buttons).
 */
export function parseChoices(value: unknown): Choice[] {
	let entries: unknown[];
	if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string' && value.trim().startsWith('[')) {
		try {
			entries = JSON.parse(value) as unknown[];
		} catch {
			entries = value.split('\n');
		}
		if (!Array.isArray(entries)) entries = [value];
	} else entries = String(value ?? '').split('\n');
	return entries.map(choiceOf).filter((choice) => choice.title !== '');
}

const fits = (text: string | undefined, limit: number) => (text ?? '').length <= limit;

/**
 * The richest form WhatsApp accepts for these options: reply buttons (≤ 3, titles ≤ 20), a list
 * (≤ 10 rows, titles ≤ 24, descriptions ≤ 72), otherwise a numbered text menu, which has no limits.
 */
export function autoLayout(choices: Choice[]): ChoiceLayout {
	if (choices.length === 0) return 'text';
	if (
		choices.length <= MAX_REPLY_BUTTONS &&
		choices.every((choice) => fits(choice.title, BUTTON_TITLE_LIMIT) && !choice.description)
	)
		return 'buttons';
	if (
		choices.length <= MAX_LIST_ROWS &&
		choices.every(
			(choice) =>
				fits(choice.title, ROW_TITLE_LIMIT) && fits(choice.description, ROW_DESCRIPTION_LIMIT),
		)
	)
		return 'list';
	return 'text';
}

/** A forced layout that WhatsApp would refuse: a clear error naming the limit. */
export function checkLayout(choices: Choice[], layout: ChoiceLayout): void {
	if (choices.length === 0 && layout !== 'text')
		throw new InputError(
			'"Options" is empty, so there is nothing to show as buttons or a list.',
			CHOICES_FIX,
		);
	const tooLong = (limit: number, what: string) => {
		const long = choices.find((choice) => !fits(choice.title, limit));
		if (long)
			throw new InputError(
				`Option "${long.title}" is ${long.title.length} characters; WhatsApp allows ${limit} in ${what}.`,
				'Shorten it, or set Layout to "Automatic" to fall back to a list or a numbered menu.',
			);
	};
	if (layout === 'buttons') {
		if (choices.length > MAX_REPLY_BUTTONS)
			throw new InputError(
				`${choices.length} options, but WhatsApp allows at most ${MAX_REPLY_BUTTONS} reply buttons.`,
				'Set Layout to "Automatic" or "List".',
			);
		tooLong(BUTTON_TITLE_LIMIT, 'a button title');
	}
	if (layout === 'list') {
		if (choices.length > MAX_LIST_ROWS)
			throw new InputError(
				`${choices.length} options, but a WhatsApp list holds at most ${MAX_LIST_ROWS} rows.`,
				'Set Layout to "Automatic" or "Numbered Text".',
			);
		tooLong(ROW_TITLE_LIMIT, 'a list row title');
		const long = choices.find((choice) => !fits(choice.description, ROW_DESCRIPTION_LIMIT));
		if (long)
			throw new InputError(
				`The description of option "${long.title}" is longer than ${ROW_DESCRIPTION_LIMIT} characters.`,
				'Shorten it.',
			);
	}
}

/** Ids must be unique and at most 256 characters (Meta); the title stands in when there is none. */
function replyId(choice: Choice, index: number): string {
	return (choice.id || choice.title || String(index + 1)).slice(0, 256);
}

export function buttonsPayload(text: string, choices: Choice[], footer?: string): IDataObject {
	const interactive: IDataObject = {
		type: 'button',
		body: { text },
		action: {
			buttons: choices.map((choice, index) => ({
				type: 'reply',
				reply: { id: replyId(choice, index), title: choice.title },
			})),
		},
	};
	if (footer) interactive.footer = { text: footer };
	return interactive;
}

export function listPayload(
	text: string,
	choices: Choice[],
	buttonText: string,
	footer?: string,
): IDataObject {
	const interactive: IDataObject = {
		type: 'list',
		body: { text },
		action: {
			button: buttonText.slice(0, BUTTON_TITLE_LIMIT) || 'Choose',
			sections: [
				{
					rows: choices.map((choice, index) => {
						const row: IDataObject = { id: replyId(choice, index), title: choice.title };
						if (choice.description) row.description = choice.description;
						return row;
					}),
				},
			],
		},
	};
	if (footer) interactive.footer = { text: footer };
	return interactive;
}

/** The numbered text menu: the text, a blank line, then "1. Option" per line. */
export function numberedMenu(text: string, choices: Choice[], footer?: string): string {
	const lines = choices.map((choice, index) =>
		choice.description
			? `${index + 1}. ${choice.title} — ${choice.description}`
			: `${index + 1}. ${choice.title}`,
	);
	return [text.trim(), lines.join('\n'), footer?.trim()].filter(Boolean).join('\n\n');
}
