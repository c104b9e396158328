import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** A provider's answer as the transport sees it, whatever its status. */
export interface ProviderResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** What sets one provider apart from another; everything else is shared. */
export interface ProviderProfile {
	/** Shown to users: "Telegram answered: …". */
	displayName: string;
	credentialType: string;
	/**
	 * Requests per interval for one credential in one n8n process. Workers do not share it, so
	 * size it to leave room for a few processes (documented per provider).
	 */
	rateLimit?: RateLimit;
	/** The provider's own words for a failed answer, and a hint on how to fix it. */
	describeError?(response: ProviderResponse): ErrorDescription;
	/**
	 * A successful HTTP status that still carries an error (some APIs answer 200 with ok:false).
	 * Return a description to fail the request like a 4xx.
	 */
	bodyError?(response: ProviderResponse): ErrorDescription | undefined;
	/**
	 * True for credentials with a session token that n8n refreshes itself (`preAuthentication`
	 * + an `expirable` property): on a 401 the request is reissued once through n8n's own
	 * refresh path instead of failing.
	 */
	refreshesSessionOn401?: boolean;
}

export interface ErrorDescription {
	message: string;
	hint?: string;
}

export interface RateLimit {
	requests: number;
	intervalMs: number;
}

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A provider asking us to wait longer than this fails the item instead of holding the run. */
	maxRetryAfterMs: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Absolute, or relative to `baseURL`. */
	url: string;
	baseURL?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer | string | FormData;
	headers?: IDataObject;
	/**
	 * Whether the call may be repeated after it may have reached the provider: reads and
	 * idempotent writes yes; message sends no (unless the provider dedupes by a key we send).
	 */
	idempotent: boolean;
	/** Extra buckets this call must pass besides the credential's own (e.g. one per chat). */
	rateLimits?: Array<RateLimit & { key: string }>;
	/** Return the raw bytes (file downloads). */
	binary?: boolean;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
	/** For a per-item error in an execute() loop. */
	itemIndex?: number;
	abortSignal?: AbortSignal;
}
