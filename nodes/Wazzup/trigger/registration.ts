import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { asNodeError, rememberWebhookSecret, settle } from '../../shared';
import {
	noSubscriptions,
	readWebhookSettings,
	writeWebhookSettings,
	type Subscriptions,
	type WebhookSettings,
} from '../helpers/webhooks';
import { subscriptionsFor } from './events';
import { expectedToken, urlWithToken, withoutQuery } from './token';

/** Wazzup refuses longer webhook addresses (api-reference §3.4). */
const MAX_URI_LENGTH = 200;

/** Kept in the node's static data between activation and deactivation. */
interface Remembered extends IDataObject {
	previousWebhook?: { webhooksUri: string; subscriptions: Subscriptions } | null;
}

async function ourToken(context: IHookFunctions): Promise<string> {
	const token = await settle(expectedToken(context));
	if (!token.ok) throw asNodeError(context.getNode(), token.error);
	return token.value;
}

async function ourUrl(context: IHookFunctions): Promise<string> {
	return urlWithToken(context.getNodeWebhookUrl('default') ?? '', await ourToken(context));
}

function chosenSubscriptions(context: IHookFunctions): Subscriptions {
	return subscriptionsFor(context.getNodeParameter('events', []) as string[]);
}

function sameSubscriptions(a: Subscriptions, b: Subscriptions): boolean {
	return (Object.keys(a) as Array<keyof Subscriptions>).every((name) => a[name] === b[name]);
}

/** This trigger's address, with any token: a token change (new API key) is still ours. */
function isOurs(current: string, ours: string): boolean {
	return current !== '' && withoutQuery(current) === withoutQuery(ours);
}

export async function checkExists(context: IHookFunctions): Promise<boolean> {
	const current = await readWebhookSettings(context);
	const token = await ourToken(context);
	const exists =
		current.webhooksUri === urlWithToken(context.getNodeWebhookUrl('default') ?? '', token) &&
		sameSubscriptions(current.subscriptions, chosenSubscriptions(context));
	// Wazzup already sends this token: remember it for webhook() (shared/webhook/secretDigest.ts).
	if (exists) rememberWebhookSecret(context, { secret: token });
	return exists;
}

/**
 * Points the account's one webhook at this trigger with exactly the subscriptions its events
 * need. Another program's address is replaced only with "Take Over" on, and is remembered so
 * that deactivation gives it back.
 */
export async function create(context: IHookFunctions): Promise<boolean> {
	const token = await ourToken(context);
	const ours = urlWithToken(context.getNodeWebhookUrl('default') ?? '', token);
	if (ours.length > MAX_URI_LENGTH) {
		throw new NodeOperationError(
			context.getNode(),
			`The webhook URL is ${ours.length} characters; Wazzup takes at most ${MAX_URI_LENGTH}.`,
			{ description: "Shorten n8n's WEBHOOK_URL or the webhook path." },
		);
	}
	const current = await readWebhookSettings(context);
	const memory = context.getWorkflowStaticData('node') as Remembered;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	if (current.webhooksUri && !isOurs(current.webhooksUri, ours)) {
		if (options.takeOver !== true) {
			throw new NodeOperationError(
				context.getNode(),
				`This Wazzup account already sends its webhooks to ${withoutQuery(current.webhooksUri)}`,
				{
					description:
						'An account has one webhook address, and replacing it would silently cut off the program that set it (a CRM integration, another workflow). Turn on "Take Over" in the options to replace it (it is given back on deactivation), or use Manual registration.',
				},
			);
		}
		memory.previousWebhook = { ...current };
	} else if (!current.webhooksUri) {
		memory.previousWebhook = null;
	}
	await writeWebhookSettings(context, {
		webhooksUri: ours,
		subscriptions: chosenSubscriptions(context),
	});
	rememberWebhookSecret(context, { secret: token });
	return true;
}

/**
 * Gives the address back to whoever had it before, or switches every subscription off (Wazzup
 * has no route to remove a webhook). An address someone else set since then is left alone.
 */
export async function remove(context: IHookFunctions): Promise<boolean> {
	const memory = context.getWorkflowStaticData('node') as Remembered;
	let current: WebhookSettings;
	let ours: string;
	try {
		current = await readWebhookSettings(context);
		ours = await ourUrl(context);
	} catch (error) {
		context.logger.warn(
			`Wazzup Trigger: could not read the account's webhook, so it was left as is: ${(error as Error).message}`,
		);
		return false;
	}
	if (!isOurs(current.webhooksUri, ours)) {
		delete memory.previousWebhook;
		return true;
	}
	const previous = memory.previousWebhook;
	if (previous?.webhooksUri) {
		try {
			await writeWebhookSettings(context, previous);
			delete memory.previousWebhook;
			return true;
		} catch (error) {
			// Wazzup probes the old address with {test:true}; if it no longer answers 200 the PATCH
			// fails, and the subscriptions are switched off below instead.
			context.logger.warn(
				`Wazzup Trigger: could not give the webhook back to ${withoutQuery(previous.webhooksUri)}: ${(error as Error).message}`,
			);
		}
	}
	await writeWebhookSettings(context, {
		webhooksUri: current.webhooksUri,
		subscriptions: noSubscriptions(),
	});
	delete memory.previousWebhook;
	return true;
}
