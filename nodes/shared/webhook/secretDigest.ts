import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { secretsEqual } from './secret';

/**
 * The expected webhook secret, remembered as a salted SHA-256 digest in the node's static data
 * when the webhook is registered, so that webhook() checks a delivery without reading the
 * credential. Why: on n8n 2.x every getCredentials() call builds and disposes a sandboxed
 * expression isolate (~65 ms of CPU), which made a trigger cost 1.5 to 1.8 times n8n's Webhook
 * node (issue #15). Static data is stored with the workflow in n8n's database and loaded with it
 * by every process that serves the webhook (queue mode included). Never the secret itself: a
 * random salt makes even a short hand-chosen token (Wazzup, 360dialog manual mode) costly to
 * guess from a leaked database. docs/architecture.md, "Webhook rules", has the full contract.
 */
export const SECRET_RECORD_KEY = 'webhookSecret';

/** What a trigger expects, as derived from its credential or parameters. */
export interface ExpectedSecret {
	secret: string;
	/**
	 * Non-secret values derived from the same credential that webhook() needs for every delivery
	 * (Telegram's bot id): kept beside the digest so the credential is not read for them either.
	 */
	facts?: IDataObject;
}

interface SecretRecord extends IDataObject {
	salt: string;
	digest: string;
	facts: IDataObject;
}

export interface StaticDataContext {
	getWorkflowStaticData(type: string): IDataObject;
	getMode(): string;
}

function digestOf(salt: string, secret: string): Buffer {
	return createHash('sha256').update(salt, 'utf8').update('\n').update(secret, 'utf8').digest();
}

function readRecord(context: StaticDataContext): SecretRecord | undefined {
	const value = context.getWorkflowStaticData('node')[SECRET_RECORD_KEY] as IDataObject | undefined;
	if (typeof value !== 'object' || value === null) return undefined;
	const { salt, digest, facts } = value;
	if (typeof salt !== 'string' || typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest))
		return undefined;
	return {
		salt,
		digest,
		facts: typeof facts === 'object' && facts !== null ? (facts as IDataObject) : {},
	};
}

function recordMatches(record: SecretRecord, secret: string): boolean {
	return timingSafeEqual(digestOf(record.salt, secret), Buffer.from(record.digest, 'hex'));
}

/**
 * Test webhooks (the editor's "listen", mode "manual") never use the record: n8n does not save
 * their static data, and the editor may hold an older copy of it; they read the credential as
 * before, which is fine for one test event.
 */
function usesRecord(context: StaticDataContext): boolean {
	return context.getMode() !== 'manual';
}

/**
 * Remembers what deliveries must carry. Called where the webhook is registered (create, and
 * checkExists when it finds the registration in place). An empty secret removes the record:
 * there is nothing to check against.
 */
export function rememberWebhookSecret(context: StaticDataContext, expected: ExpectedSecret): void {
	if (!usesRecord(context)) return;
	const data = context.getWorkflowStaticData('node');
	if (expected.secret === '') {
		delete data[SECRET_RECORD_KEY];
		return;
	}
	const current = readRecord(context);
	const facts = expected.facts ?? {};
	// Unchanged: keep it, so n8n has no static data change to save.
	if (
		current &&
		recordMatches(current, expected.secret) &&
		JSON.stringify(current.facts) === JSON.stringify(facts)
	)
		return;
	const salt = randomBytes(16).toString('hex');
	const record: SecretRecord = {
		salt,
		digest: digestOf(salt, expected.secret).toString('hex'),
		facts,
	};
	data[SECRET_RECORD_KEY] = record;
}

export type SecretCheck = { ok: true; facts: IDataObject } | { ok: false };

export interface CheckWebhookSecretOptions {
	/** The slow way: the expected secret from the credential (or parameters). May throw. */
	expected: () => Promise<ExpectedSecret>;
	/**
	 * For URL tokens the user pastes into the provider (AI Task, Omnidesk): a token that does not
	 * match the record is checked against the credential too, and accepted if the credential now
	 * derives it (the key was changed). The record is replaced in memory; n8n keeps that only when
	 * the delivery starts no run, so the old token lasts until the next activation (docs/architecture.md,
	 * "Webhook rules"). Off for secrets we registered with the
	 * provider (Telegram, Wazzup, 360dialog): what the provider sends is what was registered, so
	 * the record is the truth until the next registration, and a wrong secret costs nothing.
	 */
	refreshOnMismatch?: boolean;
}

/**
 * Whether a delivery carries the expected secret, and the facts remembered with it. With a
 * record (production, registered by this version) no credential is read. Without one (a workflow
 * activated by an older version of this package, or a test webhook) the credential is read, and
 * in production the record is written; n8n saves it with the delivery (our triggers answer
 * themselves, so n8n saves static data before it starts the run), and activation writes it too.
 */
export async function checkWebhookSecret(
	context: StaticDataContext,
	received: unknown,
	options: CheckWebhookSecretOptions,
): Promise<SecretCheck> {
	const record = usesRecord(context) ? readRecord(context) : undefined;
	if (record) {
		if (typeof received === 'string' && recordMatches(record, received))
			return { ok: true, facts: record.facts };
		if (options.refreshOnMismatch !== true) return { ok: false };
	}
	const expected = await options.expected();
	if (!secretsEqual(received, expected.secret)) return { ok: false };
	rememberWebhookSecret(context, expected);
	return { ok: true, facts: expected.facts ?? {} };
}

/** On deactivation: a webhook that is gone leaves no digest behind. */
export function forgetWebhookSecret(context: StaticDataContext): void {
	if (!usesRecord(context)) return;
	delete context.getWorkflowStaticData('node')[SECRET_RECORD_KEY];
}
