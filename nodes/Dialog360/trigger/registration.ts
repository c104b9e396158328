import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { forgetWebhookSecret, rememberWebhookSecret } from '../../shared';
import {
	readWebhookConfig,
	writeWebhookConfig,
	type WebhookConfig,
} from '../helpers/webhookConfig';
import { expectedSecret } from './secret';

/**
 * Registration on activation (api-reference §4.2): one URL per number, set with POST
 * /v1/configs/webhook and the secret header. Another consumer's URL is replaced only with "Take
 * Over", and put back on deactivation; it is kept in the workflow's static data, which n8n
 * stores in its database, so the process that deactivates need not be the one that activated.
 */
interface SavedState extends IDataObject {
	previousWebhook?: { url: string; headers?: Record<string, string> };
}

function manual(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'automatic') === 'manual';
}

/**
 * What deliveries must carry, remembered for webhook() (nodes/shared/webhook/secretDigest.ts). In
 * Manual mode too: saving a changed header value activates the workflow again and replaces it.
 */
async function rememberSecret(context: IHookFunctions): Promise<void> {
	rememberWebhookSecret(context, { secret: (await expectedSecret(context)).value });
}

function state(context: IHookFunctions): SavedState {
	return context.getWorkflowStaticData('node') as SavedState;
}

export async function webhookExists(context: IHookFunctions): Promise<boolean> {
	if (manual(context)) {
		await rememberSecret(context);
		return true;
	}
	const current = await readWebhookConfig(context);
	if (current.url !== context.getNodeWebhookUrl('default')) return false;
	// Same URL, but a secret from another credential or an older setup: register again.
	const secret = await expectedSecret(context);
	const sent = current.headers?.[secret.header];
	const exists = sent === undefined || sent === secret.value;
	if (exists) rememberWebhookSecret(context, { secret: secret.value });
	return exists;
}

export async function registerWebhook(context: IHookFunctions): Promise<boolean> {
	if (manual(context)) {
		await rememberSecret(context);
		return true;
	}
	const url = context.getNodeWebhookUrl('default') ?? '';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const current = await readWebhookConfig(context);
	if (current.url && current.url !== url) {
		if (options.takeOverWebhook !== true)
			throw new NodeOperationError(
				context.getNode(),
				`This WhatsApp number already delivers to another webhook: ${current.url}`,
				{
					description:
						'A number has one webhook URL, and replacing it would silently cut off whoever set it. Turn on "Take Over Existing Webhook" in the options (it is put back on deactivation), or deactivate the workflow or program that uses it.',
				},
			);
		state(context).previousWebhook = compactConfig(current);
	}
	const secret = await expectedSecret(context);
	await writeWebhookConfig(context, { url, headers: { [secret.header]: secret.value } });
	rememberWebhookSecret(context, { secret: secret.value });
	return true;
}

export async function unregisterWebhook(context: IHookFunctions): Promise<boolean> {
	forgetWebhookSecret(context);
	if (manual(context)) return true;
	const saved = state(context);
	const previous = saved.previousWebhook;
	delete saved.previousWebhook;
	let current: WebhookConfig;
	try {
		current = await readWebhookConfig(context);
	} catch (error) {
		context.logger.warn(
			`360dialog Trigger: could not read the number's webhook, so it was left as is: ${(error as Error).message}`,
		);
		return false;
	}
	// Someone took it over since: theirs now, leave it.
	if (current.url !== context.getNodeWebhookUrl('default')) return true;
	// 360dialog has no documented "remove": without a URL to put back, ours stays set and
	// deliveries get n8n's 404 until another URL is set (README, "What is unknown").
	if (previous?.url) await writeWebhookConfig(context, previous);
	return true;
}

function compactConfig(config: WebhookConfig): NonNullable<SavedState['previousWebhook']> {
	return config.headers ? { url: config.url, headers: config.headers } : { url: config.url };
}
