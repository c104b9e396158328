import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { describeZodError, idString, optionalText, toBoolean } from '../../shared';
import { htmlToText, looksLikeHtml } from '../helpers/html';
import { eventNamed, type OmnideskEvent } from './events';
import { normalizeStatus } from './status';

/**
 * A rule delivery. Omnidesk sends whatever body the admin wrote (api-reference §2.6), so two
 * shapes are read: the flat placeholder body (case_id, last_message, user_*, …; every value
 * possibly a string) and the nested chat-bot body ({"chat_id", "message": {kind, text},
 * "visitor": {…, "fields": {…}}}). Unknown keys are kept in `raw`.
 */
const anyId = z.union([z.string(), z.number(), z.bigint(), z.null()]).optional();
const flag = z.union([z.boolean(), z.string(), z.number(), z.null()]).optional();
const labelList = z
	.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])), z.null()])
	.optional();

const person = z
	.object({
		id: anyId,
		name: optionalText,
		email: optionalText,
		phone: optionalText,
		full_name: optionalText,
	})
	.passthrough();

export const ruleBodySchema = z
	.object({
		event: optionalText,
		case_id: anyId,
		chat_id: anyId,
		case_number: optionalText,
		case_subject: optionalText,
		case_description: optionalText,
		case_url: optionalText,
		case_status: optionalText,
		case_priority: optionalText,
		case_group: optionalText,
		case_tags: labelList,
		labels: labelList,
		last_message: optionalText,
		last_message_id: anyId,
		last_staff_id: anyId,
		staff_id: anyId,
		sent_via_rule: flag,
		user_id: anyId,
		user_full_name: optionalText,
		user_email: optionalText,
		user_phone: optionalText,
		user_lang: optionalText,
		message: z
			.object({
				kind: optionalText,
				text: optionalText,
				html: optionalText,
				id: anyId,
				staff_id: anyId,
				sent_via_rule: flag,
				note: flag,
			})
			.passthrough()
			.optional(),
		visitor: person.extend({ fields: person.optional() }).optional(),
	})
	.passthrough();

type RuleBody = z.infer<typeof ruleBodySchema>;

/** Who wrote the message a delivery is about, as far as the body tells. */
export type Author = 'visitor' | 'staff' | 'rule' | 'note' | 'unknown';

export interface RuleDelivery {
	event: OmnideskEvent;
	caseId: string;
	caseNumber?: string;
	messageId?: string;
	text: string;
	html?: string;
	author: Author;
	/** Why the body says a non-visitor wrote it (for the 200 "ignored" answer). */
	authorReason?: string;
	/** The staff member who wrote the message, when the body names one. */
	staffId?: string;
	/** Label ids or titles the body carries; undefined when it carries none. */
	labels?: string[];
	status?: string;
	statusLabel?: string;
	contact: IDataObject;
	caseInfo: IDataObject;
}

const PLACEHOLDER = /^\[[a-z_0-9]+\]$/i;
const VISITOR_KINDS = new Set(['visitor', 'user', 'client', 'customer', 'contact']);

function text(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	// A placeholder Omnidesk did not fill in means "no value", not the text "[user_phone]".
	return trimmed && !PLACEHOLDER.test(trimmed) ? trimmed : undefined;
}

function id(value: unknown): string | undefined {
	const asText = idString(value)?.trim();
	return asText && !PLACEHOLDER.test(asText) ? asText : undefined;
}

/** A staff id that names somebody (0 and empty mean "nobody"). */
function someone(value: unknown): string | undefined {
	const asText = id(value);
	return asText && asText !== '0' ? asText : undefined;
}

function labelsOf(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	const list = Array.isArray(value) ? value : String(value).split(',');
	const labels = list.map((label) => String(label).trim()).filter((label) => label !== '');
	return labels.length === 1 && PLACEHOLDER.test(labels[0]) ? undefined : labels;
}

function authorOf(body: RuleBody): { author: Author; reason?: string } {
	const message = body.message;
	const kind = text(message?.kind)?.toLowerCase();
	if (kind && !VISITOR_KINDS.has(kind))
		return { author: 'staff', reason: `message.kind is "${kind}"` };
	if (toBoolean(message?.note) === true) return { author: 'note', reason: 'the message is a note' };
	if (toBoolean(message?.sent_via_rule ?? body.sent_via_rule) === true)
		return { author: 'rule', reason: 'the message was sent by a rule' };
	const staff = someone(message?.staff_id) ?? someone(body.last_staff_id);
	if (staff) return { author: 'staff', reason: `staff member ${staff} wrote the last message` };
	return { author: kind ? 'visitor' : 'unknown' };
}

function eventOf(body: RuleBody, lastMessage: string | undefined): OmnideskEvent {
	const named = eventNamed(text(body.event));
	if (named) return named;
	if (!lastMessage && text(body.case_description)) return 'newCase';
	return 'newMessage';
}

export type ParseResult = { ok: true; delivery: RuleDelivery } | { ok: false; problem: string };

/**
 * A custom-channel "message_new" body ({"type", "object": {case_id, staff_id, content, note,
 * sent_via_rule}}, fixture sdk-custom-channel-webhook-message-new) in the nested shape, so a
 * workflow fed by a custom channel gets the same item and the same loop guard.
 */
function fromCustomChannel(raw: unknown): unknown {
	const body = raw as { type?: unknown; object?: Record<string, unknown> } | undefined;
	if (body?.type !== 'message_new' || !body.object || typeof body.object !== 'object') return raw;
	const message = body.object;
	return {
		event: 'new_message',
		chat_id: message.case_id,
		message: {
			id: message.message_id,
			text: message.content,
			staff_id: message.staff_id,
			note: message.note,
			sent_via_rule: message.sent_via_rule,
		},
		visitor: { id: message.user_id },
		...body,
	};
}

/** Checks a rule body and reads it into one shape; a body without a usable case id is refused. */
export function parseRuleBody(raw: unknown): ParseResult {
	const parsed = ruleBodySchema.safeParse(fromCustomChannel(raw));
	if (!parsed.success)
		return { ok: false, problem: `Not an Omnidesk rule body: ${describeZodError(parsed.error)}` };
	const body = parsed.data;
	const rawCaseId = idString(body.case_id ?? body.chat_id)?.trim();
	if (!rawCaseId) {
		return {
			ok: false,
			problem:
				'Not an Omnidesk rule body: case_id (or chat_id) is missing. Paste the rule body shown in the Omnidesk Trigger node.',
		};
	}
	if (PLACEHOLDER.test(rawCaseId)) {
		return {
			ok: false,
			problem: `case_id arrived as the unfilled placeholder ${rawCaseId}: check the placeholder in the Omnidesk rule.`,
		};
	}
	// Omnidesk's case ids are numbers; 20 digits keep the conversation key far below its limit.
	if (!/^\d{1,20}$/.test(rawCaseId)) {
		const shown = rawCaseId.length > 40 ? `${rawCaseId.slice(0, 40)}…` : rawCaseId;
		return { ok: false, problem: `case_id "${shown}" is not a case ID (1 to 20 digits).` };
	}

	const lastMessage =
		text(body.message?.text) ?? text(body.last_message) ?? text(body.message?.html);
	const event = eventOf(body, lastMessage);
	const source =
		lastMessage ?? (event === 'newCase' ? text(body.case_description) : undefined) ?? '';
	const isHtml = looksLikeHtml(source);
	const { author, reason } = authorOf(body);
	const visitor = body.visitor;
	const fields = visitor?.fields;
	const status = normalizeStatus(text(body.case_status));
	const contact: IDataObject = {};
	const contactId = id(fields?.id) ?? id(visitor?.id) ?? id(body.user_id);
	const name =
		text(fields?.name) ??
		text(visitor?.name) ??
		text(visitor?.full_name) ??
		text(body.user_full_name);
	const email = text(fields?.email) ?? text(visitor?.email) ?? text(body.user_email);
	const phone = text(fields?.phone) ?? text(visitor?.phone) ?? text(body.user_phone);
	if (contactId) contact.id = contactId;
	if (name) contact.name = name;
	if (email) contact.email = email;
	if (phone) contact.phone = phone;

	const caseInfo: IDataObject = { id: rawCaseId };
	const assign = (key: string, value: unknown) => {
		if (value !== undefined && value !== '') caseInfo[key] = value;
	};
	assign('number', text(body.case_number));
	assign('subject', text(body.case_subject));
	assign('status', status.status);
	assign('statusLabel', status.label);
	assign('priority', text(body.case_priority));
	assign('group', text(body.case_group));
	assign('staffId', someone(body.staff_id));
	assign('url', text(body.case_url));
	assign('language', text(body.user_lang));
	const labels = labelsOf(body.labels ?? body.case_tags);
	assign('labels', labels);

	return {
		ok: true,
		delivery: {
			event,
			caseId: rawCaseId,
			caseNumber: text(body.case_number),
			messageId: id(body.message?.id) ?? id(body.last_message_id),
			text: isHtml ? htmlToText(source) : source,
			html: isHtml ? source : undefined,
			author,
			authorReason: reason,
			staffId: someone(body.message?.staff_id) ?? someone(body.last_staff_id),
			labels,
			status: status.status,
			statusLabel: status.label,
			contact,
			caseInfo,
		},
	};
}
