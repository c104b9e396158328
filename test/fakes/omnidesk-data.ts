/**
 * Omnidesk object shapes, seed data and response builders for FakeOmnidesk (api-reference §2).
 * Field names are those of the real responses in test/fixtures/omnidesk (3rd-party SDK tests
 * palachX/laravel-omnidesk); values are made up.
 */
import type { FakeResponse } from './fake-server';

export interface OmnideskCase {
	case_id: number;
	/** "664-245651"; paths accept it in place of case_id (§2.3). */
	case_number: string;
	subject: string;
	user_id: number;
	/** 0 = unassigned (§2.3 list filter). */
	staff_id: number;
	group_id: number;
	status: string;
	priority: string;
	channel: string;
	deleted: boolean;
	spam: boolean;
	created_at: string;
	updated_at: string;
	/** The real API answers "-" while there is no date (fixture sdk-api-get-case-response-full). */
	closed_at: string;
	last_response_at: string;
	language_id: number;
	custom_fields: Record<string, string>;
	labels: number[];
	locked_labels: number[];
	[field: string]: unknown;
}

export interface OmnideskAttachment {
	file_id: number;
	file_name: string;
	file_size: number;
	mime_type: string;
	url: string;
}

export interface OmnideskMessage {
	message_id: number;
	/** 0 when a staff member wrote it (fixture sdk-api-get-case-messages-response). */
	user_id: number;
	/** 0 when the client wrote it. */
	staff_id: number;
	content: string;
	content_html: string;
	attachments: OmnideskAttachment[];
	note: boolean;
	sent_via_rule: boolean;
	created_at: string;
	sent_at: string;
	[field: string]: unknown;
}

export interface OmnideskStaff {
	staff_id: number;
	staff_email: string;
	staff_full_name: string;
	staff_signature: string;
	thumbnail: string;
	active: boolean;
	status_id: number;
}

/** §2.5: field names "inferred" there; these are the SDK's GroupData fields. */
export interface OmnideskGroup {
	group_id: number;
	group_title: string;
	group_from_name: string;
	group_signature: string;
	active: boolean;
}

export interface OmnideskLabel {
	label_id: number;
	label_title: string;
}

export interface OmnideskKbArticle {
	article_id: number;
	section_id: number;
	section_id_arr: number[];
	/** A string, or an object keyed by language id (§2.5). */
	article_title: string | Record<string, string>;
	article_content: string | Record<string, string>;
	article_tags: string | Record<string, string>;
	access_type: string;
	active: boolean;
	created_at: string;
	updated_at: string;
}

export const CASE_STATUSES = ['open', 'waiting', 'closed'] as const;
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;

/** RFC-2822 dates in Moscow time, as the API writes them (§2.3): "Mon, 05 May 2014 00:15:17 +0300". */
export function omnideskDate(at: Date | number = Date.now()): string {
	const shifted = new Date(new Date(at).getTime() + 3 * 3600_000);
	const [day, date, month, year, time] = shifted.toUTCString().replace(',', '').split(' ');
	return `${day}, ${date} ${month} ${year} ${time} +0300`;
}

/**
 * A list answer (§2.1): an object keyed "0","1",… each holding {<key>: item}, plus total_count
 * (the count of every match, not only this page).
 */
export function keyedList(
	key: string,
	items: unknown[],
	totalCount: number,
): Record<string, unknown> {
	const list: Record<string, unknown> = {};
	items.forEach((item, index) => (list[String(index)] = { [key]: item }));
	list.total_count = totalCount;
	return list;
}

/**
 * Error body. NOT FOUND in api-reference §2 (no error example was readable); default chosen:
 * {"error": "<snake_case code>", "description": "<human text>"} with 400 (validation), 401 (Basic
 * auth), 404 (unknown case / path), 429 (rate limit). Check against a live account.
 */
export function omnideskError(status: number, error: string, description: string): FakeResponse {
	return { status, json: { error, description } };
}

export const DEFAULT_STAFF_EMAIL = 'bot@example.com';
export const DEFAULT_API_KEY = 'test-omnidesk-key';

export function defaultStaff(): OmnideskStaff[] {
	const staff = (id: number, email: string, name: string): OmnideskStaff => ({
		staff_id: id,
		staff_email: email,
		staff_full_name: name,
		staff_signature: '',
		thumbnail: '',
		active: true,
		status_id: 1,
	});
	return [
		staff(22, 'anna@example.com', 'Anna Petrova'),
		staff(33, 'oleg@example.com', 'Oleg Ivanov'),
		staff(41094, DEFAULT_STAFF_EMAIL, 'AI Bot'),
	];
}

export function defaultGroups(): OmnideskGroup[] {
	const group = (id: number, title: string): OmnideskGroup => ({
		group_id: id,
		group_title: title,
		group_from_name: title,
		group_signature: '',
		active: true,
	});
	return [group(44, 'Support'), group(55, 'Sales')];
}

export function defaultLabels(): OmnideskLabel[] {
	return [
		{ label_id: 101, label_title: 'vip' },
		{ label_id: 102, label_title: 'bug' },
		{ label_id: 103, label_title: 'billing' },
		{ label_id: 104, label_title: 'ai-handled' },
		{ label_id: 105, label_title: 'escalated' },
	];
}

/** The two fixture cases (full and minimal), with the fields the minimal one lacks filled in. */
export function defaultCases(): OmnideskCase[] {
	return [
		makeCase({
			case_id: 2000,
			case_number: '664-245651',
			subject: 'I need help',
			user_id: 123,
			staff_id: 22,
			group_id: 44,
			status: 'closed',
			channel: 'web',
			created_at: 'Mon, 05 May 2014 00:15:17 +0300',
			custom_fields: { cf_25: 'some text', cf_30: 'another field' },
			labels: [101, 102, 103, 104, 105],
			locked_labels: [104, 105],
		}),
		makeCase({
			case_id: 2001,
			case_number: '664-245652',
			subject: 'Simple case',
			user_id: 456,
			staff_id: 33,
			group_id: 55,
			status: 'open',
			channel: 'email',
		}),
	];
}

export function defaultKbArticles(): OmnideskKbArticle[] {
	const article = (id: number, section: number, title: string, content: string) => ({
		article_id: id,
		section_id: section,
		section_id_arr: [section],
		article_title: title,
		article_content: content,
		article_tags: '',
		access_type: 'public',
		active: true,
		created_at: 'Mon, 05 May 2014 00:15:17 +0300',
		updated_at: 'Mon, 05 May 2014 00:15:17 +0300',
	});
	return [
		article(1, 10, 'How to reset a password', '<p>Open Settings → Security → Reset.</p>'),
		article(2, 10, 'Delivery times', '<p>Orders arrive in 3–5 working days.</p>'),
		article(3, 11, 'Refund policy', '<p>Refunds within 14 days of delivery.</p>'),
	];
}

/** A complete case from a partial one (every field of §2.3 present, as in the full fixture). */
export function makeCase(fields: Partial<OmnideskCase> & { case_id: number }): OmnideskCase {
	const now = omnideskDate();
	return {
		case_number: `664-${String(243650 + fields.case_id)}`,
		subject: '',
		user_id: 0,
		staff_id: 0,
		group_id: 0,
		status: 'open',
		priority: 'normal',
		channel: 'email',
		recipient: '',
		cc_emails: '',
		bcc_emails: '',
		deleted: false,
		spam: false,
		created_at: now,
		closed_at: '-',
		updated_at: fields.created_at ?? now,
		last_response_at: '-',
		closing_speed: 0,
		language_id: 1,
		custom_fields: {},
		labels: [],
		locked_labels: [],
		rating: '',
		rating_comment: '',
		rated_staff_id: 0,
		...fields,
	};
}
