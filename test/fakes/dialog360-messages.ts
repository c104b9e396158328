/**
 * Validation of outbound 360dialog messages and the error answers (api-reference §4.4).
 *
 * Documented (§4.4): Cloud bodies need messaging_product "whatsapp"; reply buttons ≤ 3; list
 * ≤ 10 options; free-form messages (anything but a template) only inside the 24-hour window.
 * Inferred from Meta's format (§4.4 marks the shapes "inferred, Meta"): button title ≤ 20, row
 * title ≤ 24, row description ≤ 72, text ≤ 4096, the media formats per kind.
 * NOT FOUND in §4, defaults chosen here (check against a live account):
 * - error bodies. Cloud: Meta's Graph shape {"error":{message, type, code, error_data:{
 *   messaging_product, details}, fbtrace_id}}; On-Premise: the WhatsApp On-Premise shape
 *   {"meta":{api_status, version}, "errors":[{code, title, details}]};
 * - the codes (DIALOG360_ERRORS below), Meta's published ones for each case;
 * - that errors Meta reports later in a failed status (unsupported media 131053, window 131047)
 *   are answered synchronously, so a client can be tested falling back at once; a status
 *   webhook with the same error can be built with buildStatusWebhook('failed', …).
 */
import type { FakeResponse } from './fake-server';

export type Dialog360Variant = 'cloud' | 'onpremise';

interface ErrorCode {
	status: number;
	cloud: { code: number; title: string };
	onpremise: { code: number; title: string };
}

/** Codes answered by the fake, per variant, so clients and tests can refer to them. */
export const DIALOG360_ERRORS = {
	invalidParameter: {
		status: 400,
		cloud: { code: 100, title: 'Invalid parameter' },
		onpremise: { code: 1008, title: 'Required parameter is missing' },
	},
	parameterValue: {
		status: 400,
		cloud: { code: 131009, title: 'Parameter value is not valid' },
		onpremise: { code: 1009, title: 'Parameter value is not valid' },
	},
	textTooLong: {
		status: 400,
		cloud: { code: 100, title: 'Invalid parameter' },
		onpremise: { code: 1001, title: 'Message too long' },
	},
	unsupportedMedia: {
		status: 400,
		cloud: { code: 131053, title: 'Media upload error' },
		onpremise: { code: 1009, title: 'Parameter value is not valid' },
	},
	reEngagement: {
		status: 400,
		cloud: { code: 131047, title: 'Re-engagement message' },
		onpremise: { code: 470, title: 'Re-engagement message' },
	},
	templateMissing: {
		status: 400,
		cloud: { code: 132001, title: 'Template name does not exist in the translation' },
		onpremise: { code: 2001, title: 'Template missing' },
	},
	mediaNotFound: {
		status: 404,
		cloud: { code: 100, title: 'Invalid parameter' },
		onpremise: { code: 1006, title: 'Resource not found' },
	},
	rateLimit: {
		status: 429,
		cloud: { code: 130429, title: 'Rate limit hit' },
		onpremise: { code: 1015, title: 'Too many requests' },
	},
} satisfies Record<string, ErrorCode>;

export type Dialog360ErrorKind = keyof typeof DIALOG360_ERRORS;

export class Dialog360Error extends Error {
	constructor(
		readonly kind: Dialog360ErrorKind,
		readonly details: string,
	) {
		super(details);
	}
}

/** The error answer of a messaging call, in the variant's shape. */
export function errorResponse(
	variant: Dialog360Variant,
	kind: Dialog360ErrorKind,
	details: string,
	headers?: Record<string, string>,
): FakeResponse {
	const entry: ErrorCode = DIALOG360_ERRORS[kind];
	const { code, title } = entry[variant];
	const json =
		variant === 'cloud'
			? {
					error: {
						message: `(#${code}) ${title}`,
						type: 'OAuthException',
						code,
						error_data: { messaging_product: 'whatsapp', details },
						fbtrace_id: 'AfakeTraceId0123456789',
					},
				}
			: { meta: { api_status: 'stable', version: '2.53.2' }, errors: [{ code, title, details }] };
	return { status: entry.status, json, headers };
}

/**
 * 360dialog's own error shape (§4.2, confirmed for /v1/configs/webhook). Used as the default
 * for a wrong or missing D360-API-KEY and unknown paths too (their shape there is NOT FOUND).
 */
export function metaError(status: number, message: string, details?: unknown): FakeResponse {
	const meta: Record<string, unknown> = {
		success: false,
		http_code: status,
		developer_message: message,
	};
	if (details !== undefined) meta.details = details;
	return { status, json: { meta } };
}

type Json = Record<string, unknown>;

const EXTENSION_MIME: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	bmp: 'image/bmp',
	mp4: 'video/mp4',
	'3gp': 'video/3gpp',
	mov: 'video/quicktime',
	webm: 'video/webm',
	aac: 'audio/aac',
	amr: 'audio/amr',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	opus: 'audio/ogg',
	wav: 'audio/wav',
	pdf: 'application/pdf',
};

/** Meta's supported formats per media kind (inferred); documents accept any type. */
export const SUPPORTED_MEDIA: Record<string, string[] | undefined> = {
	image: ['image/jpeg', 'image/png'],
	video: ['video/mp4', 'video/3gpp'],
	audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
	sticker: ['image/webp'],
	document: undefined,
};

export function mimeOfLink(link: string): string | undefined {
	const path = link.split(/[?#]/)[0];
	const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
	return extension === undefined ? undefined : EXTENSION_MIME[extension];
}

export interface ValidationContext {
	variant: Dialog360Variant;
	/** True when the 24-hour window of this recipient is closed. */
	windowClosed: (to: string) => boolean;
	/** Approved template names; undefined accepts any. */
	templates?: string[];
	/** Mime type of an uploaded media id (undefined: unknown id). */
	mediaMime: (id: string) => string | undefined;
}

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function required(body: Json, field: string): unknown {
	const value = body[field];
	if (value === undefined || value === null || value === '')
		throw new Dialog360Error('invalidParameter', `The parameter ${field} is required.`);
	return value;
}

function checkLength(value: unknown, max: number, what: string, kind: Dialog360ErrorKind): void {
	const text = typeof value === 'string' ? value : '';
	if (text.length < 1 || text.length > max)
		throw new Dialog360Error(
			kind,
			`${what} length invalid. Min length: 1, Max length: ${max}. Got ${text.length}`,
		);
}

function checkInteractive(interactive: unknown): void {
	if (!isObject(interactive))
		throw new Dialog360Error('invalidParameter', 'interactive is required.');
	const action = isObject(interactive.action) ? interactive.action : {};
	if (interactive.type === 'button') {
		const buttons = Array.isArray(action.buttons) ? (action.buttons as unknown[]) : [];
		if (buttons.length < 1 || buttons.length > 3)
			throw new Dialog360Error(
				'parameterValue',
				`buttons: Number of buttons must be between 1 and 3. Got ${buttons.length}`,
			);
		for (const button of buttons) {
			const reply = isObject(button) && isObject(button.reply) ? button.reply : {};
			checkLength(reply.title, 20, 'Button title', 'parameterValue');
		}
	} else if (interactive.type === 'list') {
		const sections = Array.isArray(action.sections) ? (action.sections as unknown[]) : [];
		const rows = sections.flatMap((section) =>
			isObject(section) && Array.isArray(section.rows) ? (section.rows as unknown[]) : [],
		);
		if (rows.length < 1 || rows.length > 10)
			throw new Dialog360Error(
				'parameterValue',
				`Total row count must be between 1 and 10. Got ${rows.length}`,
			);
		for (const row of rows) {
			const entry = isObject(row) ? row : {};
			checkLength(entry.title, 24, 'Row title', 'parameterValue');
			if (entry.description !== undefined)
				checkLength(entry.description, 72, 'Row description', 'parameterValue');
		}
	}
}

function checkMedia(kind: string, media: unknown, context: ValidationContext): void {
	if (!isObject(media))
		throw new Dialog360Error('invalidParameter', `The parameter ${kind} is required.`);
	const hasLink = typeof media.link === 'string' && media.link !== '';
	const hasId = typeof media.id === 'string' && media.id !== '';
	if (hasLink === hasId)
		throw new Dialog360Error('parameterValue', `${kind}: exactly one of link or id is required.`);
	const mime = hasLink ? mimeOfLink(media.link as string) : context.mediaMime(media.id as string);
	if (hasId && mime === undefined)
		throw new Dialog360Error('parameterValue', `${kind}: media id ${String(media.id)} not found.`);
	const supported = SUPPORTED_MEDIA[kind];
	if (supported && mime !== undefined && !supported.includes(mime))
		throw new Dialog360Error(
			'unsupportedMedia',
			`Unsupported ${kind} type ${mime}. Supported: ${supported.join(', ')}`,
		);
}

const MEDIA_KINDS = ['image', 'document', 'audio', 'video', 'sticker'];
const OTHER_KINDS = ['text', 'interactive', 'template', 'location', 'contacts', 'reaction'];

/** Checks a send body; returns the recipient and type, or throws a Dialog360Error. */
export function validateMessage(
	body: unknown,
	context: ValidationContext,
): { to: string; type: string } {
	if (!isObject(body))
		throw new Dialog360Error('invalidParameter', 'The request body is required.');
	if (context.variant === 'cloud' && body.messaging_product !== 'whatsapp')
		throw new Dialog360Error('invalidParameter', 'The parameter messaging_product is required.');
	const to = String(required(body, 'to'));
	const type = typeof body.type === 'string' ? body.type : 'text';
	if (!MEDIA_KINDS.includes(type) && !OTHER_KINDS.includes(type))
		throw new Dialog360Error('parameterValue', `Unsupported message type ${type}.`);
	const payload = required(body, type);
	if (type === 'text') {
		const text = isObject(payload) ? payload.body : undefined;
		if (typeof text !== 'string' || text === '')
			throw new Dialog360Error('invalidParameter', 'The parameter text.body is required.');
		if (text.length > 4096)
			throw new Dialog360Error(
				'textTooLong',
				`Param text['body'] must be at most 4096 characters long. Got ${text.length}`,
			);
	} else if (type === 'interactive') {
		checkInteractive(payload);
	} else if (type === 'template') {
		const template = isObject(payload) ? payload : {};
		const language = isObject(template.language) ? template.language : {};
		if (typeof template.name !== 'string' || typeof language.code !== 'string')
			throw new Dialog360Error(
				'invalidParameter',
				'template.name and template.language.code are required.',
			);
		if (context.templates && !context.templates.includes(template.name))
			throw new Dialog360Error('templateMissing', `Template ${template.name} does not exist.`);
	} else if (MEDIA_KINDS.includes(type)) {
		checkMedia(type, payload, context);
	}
	// The window is checked last: a malformed message is refused for what is wrong with it.
	if (type !== 'template' && context.windowClosed(to))
		throw new Dialog360Error(
			'reEngagement',
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
		);
	return { to, type };
}
