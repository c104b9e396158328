/**
 * Fake Omnidesk REST API (api-reference §2). Base URL `${fake.url}/api` stands for
 * https://<domain>.omnidesk.ru/api; every path ends in .json (§2.1).
 *
 * Confirmed behaviour followed: HTTP Basic (staff email + API key); bodies wrapped in a resource
 * key; keyed-object lists {"0":{case:{…}},…,"total_count":N}; case paths accept case_id or
 * case_number; list filters status[]/channel[]/staff_id (0 = unassigned)/group_id/user_id/user_email/user_phone/
 * priority/labels with page 1–500 and limit 1–100; messages as staff or user with
 * attachment_urls or multipart files (25 MB each, 50 MB total); notes answered under "message";
 * rate_limit_per_minute / api_calls_left headers and retry_after (seconds) when throttled.
 * Defaults chosen where §2 says NOT FOUND or inferred are marked "Default:" below.
 */
import { deliverWebhook, type WebhookDelivery } from './deliver-webhook';
import {
	FakeServer,
	type FakeResponse,
	type FakeServerOptions,
	type RecordedRequest,
} from './fake-server';
import {
	CASE_PRIORITIES,
	CASE_STATUSES,
	DEFAULT_API_KEY,
	DEFAULT_STAFF_EMAIL,
	defaultCases,
	defaultGroups,
	defaultKbArticles,
	defaultLabels,
	defaultStaff,
	keyedList,
	makeCase,
	omnideskDate,
	omnideskError,
	type OmnideskAttachment,
	type OmnideskCase,
	type OmnideskGroup,
	type OmnideskKbArticle,
	type OmnideskLabel,
	type OmnideskMessage,
	type OmnideskStaff,
} from './omnidesk-data';

export * from './omnidesk-data';
export * from './omnidesk-webhooks';

export interface OmnideskFakeOptions extends FakeServerOptions {
	/** The Basic-auth user (default bot@example.com, a seeded staff member). */
	staffEmail?: string;
	/** Accepted API keys (default ["test-omnidesk-key"]). */
	apiKeys?: string[];
	cases?: OmnideskCase[];
	/** Messages already in a case, by case_id. */
	messages?: Record<number, Array<Partial<OmnideskMessage>>>;
	labels?: OmnideskLabel[];
	groups?: OmnideskGroup[];
	staff?: OmnideskStaff[];
	kbArticles?: OmnideskKbArticle[];
	/**
	 * Requests per minute per account. Default: 500 — the per-tariff numbers are NOT FOUND (§2.2);
	 * false disables the limit.
	 */
	rateLimitPerMinute?: number | false;
}

const MB = 1024 * 1024;
const clone = <T>(value: T): T => structuredClone(value);
type Fields = Record<string, unknown>;

/** Thrown by validation helpers; turned into the error body by the route wrapper. */
class OmnideskFailure extends Error {
	constructor(readonly response: FakeResponse) {
		super(String((response.json as { description?: string } | undefined)?.description));
	}
}
const invalid = (description: string) =>
	new OmnideskFailure(omnideskError(400, 'invalid_data', description));
const notFoundCase = (ref: string) =>
	new OmnideskFailure(omnideskError(404, 'case_not_found', `Case ${ref} not found`));

/** Ids arrive as numbers or numeric strings (§2.3: 3rd-party code sends "42"). */
function toId(value: unknown, field: string): number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	throw invalid(`${field} must be a non-negative integer`);
}

function toIdList(value: unknown, field: string): number[] {
	if (typeof value === 'string') value = value.split(',').filter((part) => part.trim() !== '');
	if (!Array.isArray(value)) throw invalid(`${field} must be an array of label ids`);
	return value.map((id) => toId(id, field));
}

/** `name[]=a&name[]=b`, `name=a,b` or `name=a` (the base recorder keeps only the last value). */
function multiQuery(request: RecordedRequest, name: string): string[] {
	const params = new URL(request.url, 'http://fake').searchParams;
	return [...params.getAll(`${name}[]`), ...params.getAll(name)]
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
}

function paging(request: RecordedRequest, defaultLimit = 100): { page: number; limit: number } {
	const page = request.query.page === undefined ? 1 : Number(request.query.page);
	const limit = request.query.limit === undefined ? defaultLimit : Number(request.query.limit);
	// §2.3/§2.5 document the ranges; Default: out of range is refused (clamping is NOT FOUND).
	if (!Number.isInteger(page) || page < 1 || page > 500) throw invalid('page must be 1–500');
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid('limit must be 1–100');
	return { page, limit };
}

function pageOf<T>(items: T[], page: number, limit: number): T[] {
	return items.slice((page - 1) * limit, page * limit);
}

/** The resource object of a JSON body ({"case": {...}}) or of multipart fields "message[content]". */
function resource(request: RecordedRequest, key: string): Fields | undefined {
	if (request.fields) {
		const fields: Fields = {};
		for (const [name, value] of Object.entries(request.fields)) {
			const match = new RegExp(`^${key}\\[([^\\]]+)\\](\\[\\])?$`).exec(name);
			if (match) fields[match[1]] = match[2] ? [value] : value;
		}
		return Object.keys(fields).length > 0 || request.files.length > 0 ? fields : undefined;
	}
	const value = (request.json as Fields | undefined)?.[key];
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Fields)
		: undefined;
}

export class FakeOmnidesk extends FakeServer {
	readonly options: OmnideskFakeOptions;
	cases: OmnideskCase[] = [];
	labels: OmnideskLabel[] = [];
	groups: OmnideskGroup[] = [];
	staff: OmnideskStaff[] = [];
	kbArticles: OmnideskKbArticle[] = [];
	/** Every message (seeded and added) by case_id, oldest first. */
	readonly messages = new Map<number, OmnideskMessage[]>();
	/** Messages and notes added through the API, in arrival order. */
	readonly added: Array<{ case_id: number; message: OmnideskMessage }> = [];
	/** Webhooks this fake delivered with deliverWebhook(). */
	readonly deliveries: Array<{ url: string; body: unknown; delivery: WebhookDelivery }> = [];
	private nextIds = { case: 3000, message: 300000, file: 9000, user: 1000 };
	private readonly users = new Map<string, number>();

	constructor(options: OmnideskFakeOptions = {}) {
		super(options);
		this.options = { ...options };
		this.seed();
		this.setRateLimit(options.rateLimitPerMinute ?? 500);
		this.api('GET', '/api/cases.json', (request) => this.listCases(request));
		this.api('POST', '/api/cases.json', (request) => this.createCase(request));
		this.api('GET', '/api/cases/:ref.json', (request) => ({
			json: { case: this.findCase(request.params.ref) },
		}));
		this.api('PUT', '/api/cases/:ref.json', (request) => this.updateCase(request));
		this.api('POST', '/api/cases/:ref/messages.json', (request) => this.addMessage(request, false));
		this.api('GET', '/api/cases/:ref/messages.json', (request) => this.listMessages(request));
		this.api('POST', '/api/cases/:ref/note.json', (request) => this.addMessage(request, true));
		this.api('GET', '/api/labels.json', (request) => this.listOf(request, 'label', this.labels));
		this.api('GET', '/api/groups.json', (request) => this.listOf(request, 'group', this.groups));
		this.api('GET', '/api/staff.json', (request) => this.listOf(request, 'staff', this.staff));
		this.api('GET', '/api/kb_article.json', (request) => this.searchKb(request));
	}

	/** What the credential's base URL would be (https://<domain>.omnidesk.ru/api). */
	get apiBaseUrl(): string {
		return `${this.url}/api`;
	}

	get staffEmail(): string {
		return this.options.staffEmail ?? DEFAULT_STAFF_EMAIL;
	}

	get apiKeys(): string[] {
		return this.options.apiKeys ?? [DEFAULT_API_KEY];
	}

	/** The Authorization header a correct client sends. */
	authHeader(email = this.staffEmail, key = this.apiKeys[0]): string {
		return `Basic ${Buffer.from(`${email}:${key}`).toString('base64')}`;
	}

	/** Replaces the per-minute limit (false = none). Refusals answer 429 with retry_after (§2.2). */
	setRateLimit(perMinute: number | false): void {
		this.clearRateLimits();
		this.options.rateLimitPerMinute = perMinute;
		if (perMinute === false) return;
		this.addRateLimit(
			// Default: one bucket for the account (the limit is per account, §2.2).
			[{ name: 'per-minute', limit: perMinute, windowMs: 60_000, key: () => 'account' }],
			(verdict) => ({
				// Default: status 429 is inferred (§2.2); the body shape is our error default.
				...omnideskError(429, 'too_many_requests', 'Rate limit exceeded'),
				headers: {
					retry_after: String(verdict.retryAfterSeconds),
					rate_limit_per_minute: String(perMinute),
					api_calls_left: '0',
				},
			}),
			/^\/api\//,
		);
	}

	/** Every message of a case (by case_id or case_number), oldest first. */
	messagesOf(ref: number | string): OmnideskMessage[] {
		return [...(this.messages.get(this.findCase(String(ref)).case_id) ?? [])];
	}

	/** Messages and notes added through the API to one case. */
	addedTo(ref: number | string): OmnideskMessage[] {
		const caseId = this.findCase(String(ref)).case_id;
		return this.added.filter((entry) => entry.case_id === caseId).map((entry) => entry.message);
	}

	caseOf(ref: number | string): OmnideskCase {
		return this.findCase(String(ref));
	}

	/** A message as a client wrote it (seeds a conversation before a webhook fires). */
	addClientMessage(ref: number | string, content: string): OmnideskMessage {
		const kase = this.findCase(String(ref));
		return this.store(kase, { user_id: kase.user_id, staff_id: 0, content }, false);
	}

	/** POSTs a webhook body (see omnidesk-webhooks.ts) to a URL, as a Rules webhook action does. */
	async deliverWebhook(
		url: string,
		body: unknown,
		headers: Record<string, string> = {},
	): Promise<WebhookDelivery> {
		const delivery = await deliverWebhook(url, body, headers);
		this.deliveries.push({ url, body, delivery });
		return delivery;
	}

	/** Back to the seeded state: data, ids, messages, recordings, rate-limit history. */
	override reset(): void {
		super.reset();
		this.seed();
	}

	protected override notFound(request: RecordedRequest): FakeResponse {
		return omnideskError(404, 'not_found', `Unknown path ${request.method} ${request.path}`);
	}

	private seed(): void {
		const options = this.options;
		this.cases = clone(options.cases ?? defaultCases()).map((kase) => makeCase(kase));
		this.labels = clone(options.labels ?? defaultLabels());
		this.groups = clone(options.groups ?? defaultGroups());
		this.staff = clone(options.staff ?? defaultStaff());
		this.kbArticles = clone(options.kbArticles ?? defaultKbArticles());
		this.nextIds = { case: 3000, message: 300000, file: 9000, user: 1000 };
		this.users.clear();
		this.messages.clear();
		this.added.length = 0;
		this.deliveries.length = 0;
		for (const kase of this.cases) this.messages.set(kase.case_id, []);
		for (const [caseId, list] of Object.entries(options.messages ?? {})) {
			const kase = this.findCase(caseId);
			for (const message of list) this.store(kase, clone(message), Boolean(message.note));
		}
	}

	/** Registers a route behind Basic auth, with the rate headers and the error wrapper. */
	private api(method: string, path: string, handler: (request: RecordedRequest) => FakeResponse) {
		this.route(method, path, (request) => {
			let response: FakeResponse;
			try {
				response = this.authorized(request) ? handler(request) : this.unauthorized();
			} catch (error) {
				if (!(error instanceof OmnideskFailure)) throw error;
				response = error.response;
			}
			return { ...response, headers: { ...this.rateHeaders(), ...response.headers } };
		});
	}

	private authorized(request: RecordedRequest): boolean {
		const match = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
		if (!match) return false;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const email = decoded.slice(0, colon);
		const key = decoded.slice(colon + 1);
		return (
			colon > 0 &&
			email.toLowerCase() === this.staffEmail.toLowerCase() &&
			this.apiKeys.includes(key)
		);
	}

	private unauthorized(): FakeResponse {
		const response = omnideskError(401, 'unauthorized', 'Wrong staff email or API key');
		return { ...response, headers: { 'www-authenticate': 'Basic realm="Omnidesk API"' } };
	}

	/** §2.2: every answer carries rate_limit_per_minute and api_calls_left. */
	private rateHeaders(): Record<string, string> {
		const limit = this.options.rateLimitPerMinute;
		if (limit === false || limit === undefined) return {};
		const since = Date.now() - 60_000;
		const used = this.requests.filter(
			(request) => !request.fault && request.receivedAt > since && request.path.startsWith('/api/'),
		).length;
		return {
			rate_limit_per_minute: String(limit),
			api_calls_left: String(Math.max(0, limit - used)),
		};
	}

	private findCase(ref: string): OmnideskCase {
		const kase = /^\d+$/.test(ref)
			? this.cases.find((candidate) => candidate.case_id === Number(ref))
			: this.cases.find((candidate) => candidate.case_number === ref);
		if (!kase) throw notFoundCase(ref);
		return kase;
	}

	private listCases(request: RecordedRequest): FakeResponse {
		const { page, limit } = paging(request);
		const statuses = multiQuery(request, 'status');
		const channels = multiQuery(request, 'channel');
		const priorities = multiQuery(request, 'priority');
		const labels = multiQuery(request, 'labels').map((id) => toId(id, 'labels'));
		const exact = (['staff_id', 'group_id', 'user_id'] as const).filter(
			(field) => request.query[field] !== undefined,
		);
		const byUser = (['user_email', 'user_phone'] as const)
			.map((field) => request.query[field])
			.filter((value): value is string => typeof value === 'string');
		const matches = this.cases
			.filter((kase) => !kase.deleted && !kase.spam)
			.filter((kase) => statuses.length === 0 || statuses.includes(kase.status))
			.filter((kase) => channels.length === 0 || channels.includes(kase.channel))
			.filter((kase) => priorities.length === 0 || priorities.includes(kase.priority))
			// Default: "labels" matches a case having any of them (AND/OR is NOT FOUND).
			.filter((kase) => labels.length === 0 || labels.some((id) => kase.labels.includes(id)))
			.filter((kase) => exact.every((field) => kase[field] === toId(request.query[field], field)))
			// user_email / user_phone (§2.3): the client the fake made for that email or phone.
			.filter((kase) => byUser.every((userKey) => this.users.get(userKey) === kase.user_id))
			// Default order: newest first (the default sort is NOT FOUND).
			.sort((a, b) => b.case_id - a.case_id);
		return { json: keyedList('case', pageOf(matches, page, limit), matches.length) };
	}

	private createCase(request: RecordedRequest): FakeResponse {
		const fields = resource(request, 'case');
		if (!fields) throw invalid('Body must be {"case": {...}}');
		const email = typeof fields.user_email === 'string' ? fields.user_email : '';
		const phone = typeof fields.user_phone === 'string' ? fields.user_phone : '';
		if (!email && !phone) throw invalid('user_email or user_phone is required');
		if (!fields.subject) throw invalid('subject is required');
		if (!fields.content && !fields.content_html) throw invalid('content is required');
		const userKey = email || phone;
		if (!this.users.has(userKey)) this.users.set(userKey, this.nextIds.user++);
		const kase = makeCase({
			case_id: this.nextIds.case++,
			subject: String(fields.subject),
			user_id: this.users.get(userKey) ?? 0,
			// Default: channel "email" for user_email, "phone" otherwise (NOT FOUND for API-made cases).
			channel: email ? 'email' : 'phone',
			recipient: email,
			language_id: fields.language_id === undefined ? 1 : toId(fields.language_id, 'language_id'),
		});
		this.applyChanges(kase, fields);
		this.cases.push(kase);
		this.messages.set(kase.case_id, []);
		this.store(
			kase,
			{
				user_id: kase.user_id,
				content: String(fields.content ?? ''),
				content_html: String(fields.content_html ?? ''),
			},
			false,
		);
		// Default: 201 Created (the status code is NOT FOUND; clients should accept any 2xx).
		return { status: 201, json: { case: kase } };
	}

	private updateCase(request: RecordedRequest): FakeResponse {
		const kase = this.findCase(request.params.ref);
		const fields = resource(request, 'case');
		if (!fields) throw invalid('Body must be {"case": {...}}');
		const next = clone(kase);
		this.applyChanges(next, fields);
		Object.assign(kase, next, { updated_at: omnideskDate() });
		return { json: { case: kase } };
	}

	/**
	 * Validates every change before applying any (a refused update changes nothing).
	 * Labels (§2.3 only documents "labels" on edit): "labels" replaces the set; Default:
	 * "add_labels" / "remove_labels" add and remove (NOT FOUND in §2.3); locked_labels always stay
	 * (inferred from the full fixture, where locked labels are a subset of labels). Unknown label
	 * ids are refused. custom_fields merge into the existing ones (inferred).
	 */
	private applyChanges(kase: OmnideskCase, fields: Fields): void {
		if (fields.status !== undefined) {
			if (!(CASE_STATUSES as readonly unknown[]).includes(fields.status))
				throw invalid(`status must be one of ${CASE_STATUSES.join(', ')}`);
			if (fields.status === 'closed' && kase.status !== 'closed') kase.closed_at = omnideskDate();
			if (fields.status !== 'closed') kase.closed_at = '-';
			kase.status = String(fields.status);
		}
		if (fields.priority !== undefined) {
			if (!(CASE_PRIORITIES as readonly unknown[]).includes(fields.priority))
				throw invalid(`priority must be one of ${CASE_PRIORITIES.join(', ')}`);
			kase.priority = String(fields.priority);
		}
		if (fields.group_id !== undefined) {
			const groupId = toId(fields.group_id, 'group_id');
			if (groupId !== 0 && !this.groups.some((group) => group.group_id === groupId))
				throw invalid(`group_id ${groupId} does not exist`);
			kase.group_id = groupId;
		}
		if (fields.staff_id !== undefined) {
			const staffId = toId(fields.staff_id, 'staff_id');
			if (staffId !== 0 && !this.staff.some((member) => member.staff_id === staffId))
				throw invalid(`staff_id ${staffId} does not exist`);
			kase.staff_id = staffId;
		}
		if (fields.subject !== undefined) kase.subject = String(fields.subject);
		if (fields.custom_fields !== undefined) {
			const custom = fields.custom_fields as Fields;
			if (!custom || typeof custom !== 'object' || Array.isArray(custom))
				throw invalid('custom_fields must be an object like {"cf_25": "..."}');
			for (const [name, value] of Object.entries(custom)) {
				if (!/^cf_\d+$/.test(name)) throw invalid(`Unknown custom field ${name}`);
				kase.custom_fields[name] = String(value);
			}
		}
		const known = (ids: number[], field: string) => {
			const missing = ids.filter((id) => !this.labels.some((label) => label.label_id === id));
			if (missing.length > 0) throw invalid(`${field}: unknown label id ${missing.join(', ')}`);
			return ids;
		};
		let labels = kase.labels;
		if (fields.labels !== undefined) labels = known(toIdList(fields.labels, 'labels'), 'labels');
		if (fields.add_labels !== undefined)
			labels = [...labels, ...known(toIdList(fields.add_labels, 'add_labels'), 'add_labels')];
		if (fields.remove_labels !== undefined) {
			const removed = toIdList(fields.remove_labels, 'remove_labels');
			labels = labels.filter((id) => !removed.includes(id));
		}
		kase.labels = [...new Set([...labels, ...kase.locked_labels])];
	}

	private addMessage(request: RecordedRequest, note: boolean): FakeResponse {
		const kase = this.findCase(request.params.ref);
		// Default for notes: the request key "note" (NOT FOUND); "message" is accepted too.
		const fields = (note ? resource(request, 'note') : undefined) ?? resource(request, 'message');
		if (!fields) throw invalid(`Body must be {"${note ? 'note' : 'message'}": {...}}`);
		const attachments = this.attachments(request, fields);
		if (!fields.content && !fields.content_html && attachments.length === 0)
			throw invalid('content, content_html or an attachment is required');
		const staffId = fields.staff_id === undefined ? 0 : toId(fields.staff_id, 'staff_id');
		const userId = fields.user_id === undefined ? 0 : toId(fields.user_id, 'user_id');
		if (staffId !== 0 && userId !== 0) throw invalid('Give staff_id or user_id, not both');
		if (staffId !== 0 && !this.staff.some((member) => member.staff_id === staffId))
			throw invalid(`staff_id ${staffId} does not exist`);
		// §2.4: with neither id the message is a reply from the authenticated staff member.
		const author =
			userId !== 0
				? { user_id: userId, staff_id: 0 }
				: { user_id: 0, staff_id: staffId || this.authenticatedStaffId() };
		const message = this.store(
			kase,
			{
				...author,
				content: String(fields.content ?? ''),
				content_html: String(fields.content_html ?? ''),
				attachments,
			},
			note,
		);
		this.added.push({ case_id: kase.case_id, message });
		if (author.staff_id !== 0) kase.last_response_at = message.created_at;
		kase.updated_at = message.created_at;
		// Default: 201 Created (NOT FOUND). The answer key is "message" for notes too (SDK NotesClient).
		return { status: 201, json: { message } };
	}

	private attachments(request: RecordedRequest, fields: Fields): OmnideskAttachment[] {
		const files = request.files.map((file) => ({
			name: file.filename,
			size: file.size,
			type: file.contentType,
		}));
		const urls = fields.attachment_urls === undefined ? [] : fields.attachment_urls;
		if (!Array.isArray(urls)) throw invalid('attachment_urls must be an array');
		// Default: the size of a file given by URL is unknown to the fake, so 0.
		for (const url of urls) {
			const name = decodeURIComponent(String(url).split('?')[0].split('/').pop() ?? 'file');
			files.push({ name, size: 0, type: 'application/octet-stream' });
		}
		// §2.1: 25 MB per file, 50 MB in total. Default: refused with 400 like other validation.
		if (files.some((file) => file.size > 25 * MB)) throw invalid('A file is larger than 25 MB');
		if (files.reduce((sum, file) => sum + file.size, 0) > 50 * MB)
			throw invalid('Attachments are larger than 50 MB in total');
		return files.map((file) => {
			const id = this.nextIds.file++;
			return {
				file_id: id,
				file_name: file.name,
				file_size: file.size,
				mime_type: file.type,
				url: `${this.url}/files/${id}`,
			};
		});
	}

	private authenticatedStaffId(): number {
		const email = this.staffEmail.toLowerCase();
		const member = this.staff.find((candidate) => candidate.staff_email.toLowerCase() === email);
		return member?.staff_id ?? this.staff[0]?.staff_id ?? 0;
	}

	private store(
		kase: OmnideskCase,
		fields: Partial<OmnideskMessage>,
		note: boolean,
	): OmnideskMessage {
		const now = omnideskDate();
		const message: OmnideskMessage = {
			message_id: this.nextIds.message++,
			user_id: 0,
			staff_id: 0,
			content: '',
			content_html: '',
			attachments: [],
			note,
			sent_via_rule: false,
			created_at: now,
			sent_at: now,
			...fields,
		};
		const list = this.messages.get(kase.case_id) ?? [];
		list.push(message);
		this.messages.set(kase.case_id, list);
		return message;
	}

	/** §2.4: page/limit 1–100, order asc|desc (default asc); without paging the last 100. */
	private listMessages(request: RecordedRequest): FakeResponse {
		const kase = this.findCase(request.params.ref);
		const order = request.query.order ?? 'asc';
		if (order !== 'asc' && order !== 'desc') throw invalid('order must be asc or desc');
		// Default: notes are listed with the messages (note: true), as the list fixture has "note".
		let all = [...(this.messages.get(kase.case_id) ?? [])];
		if (order === 'desc') all.reverse();
		const paged = request.query.page !== undefined || request.query.limit !== undefined;
		if (!paged) all = order === 'asc' ? all.slice(-100) : all.slice(0, 100);
		const { page, limit } = paging(request);
		const items = paged ? pageOf(all, page, limit) : all;
		return { json: keyedList('message', items, this.messages.get(kase.case_id)?.length ?? 0) };
	}

	private listOf(request: RecordedRequest, key: string, items: unknown[]): FakeResponse {
		const { page, limit } = paging(request);
		return { json: keyedList(key, pageOf(items, page, limit), items.length) };
	}

	/** §2.5: search ≥ 3 characters (substring, any language), section_id, page/limit. */
	private searchKb(request: RecordedRequest): FakeResponse {
		const { page, limit } = paging(request);
		const search = request.query.search;
		if (search !== undefined && search.length < 3)
			throw invalid('search must be at least 3 characters');
		const text = (value: string | Record<string, string>) =>
			(typeof value === 'string' ? value : Object.values(value).join(' ')).toLowerCase();
		const sectionId =
			request.query.section_id === undefined
				? undefined
				: toId(request.query.section_id, 'section_id');
		const matches = this.kbArticles
			.filter((article) => article.active)
			.filter((article) => sectionId === undefined || article.section_id_arr.includes(sectionId))
			.filter(
				(article) =>
					search === undefined ||
					`${text(article.article_title)} ${text(article.article_content)} ${text(article.article_tags)}`.includes(
						search.toLowerCase(),
					),
			);
		// Default order: id_asc (the default sort is NOT FOUND); id_desc on request.
		if (request.query.sort === 'id_desc') matches.reverse();
		return { json: keyedList('kb_article', pageOf(matches, page, limit), matches.length) };
	}
}
