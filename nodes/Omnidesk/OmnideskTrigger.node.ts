import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acceptDelivery,
	acknowledgeWebhook,
	checkWebhookSecret,
	isDuplicateDelivery,
	readDeliveryBody,
	rejectWebhook,
	settle,
	urlTokenWebhookMethods,
	webhookUrlOptions,
	type ExpectedSecret,
} from '../shared';
import { omnideskLoadOptions } from './helpers/loadOptions';
import { OMNIDESK_CREDENTIAL } from './transport';
import { caseHasBotLabel, newestMessage } from './trigger/caseChecks';
import { triggerProperties } from './trigger/description';
import { DEFAULT_EVENTS, type OmnideskEvent } from './trigger/events';
import { messages } from './trigger/memory';
import { toConversationEvent } from './trigger/output';
import { parseRuleBody } from './trigger/parse';
import { checkStaffReply, staffReplyRefusedByBody } from './trigger/staffReply';
import { normalizeWebhookPath, triggerToken } from './trigger/webhookUrl';

async function staffEmailOf(context: IWebhookFunctions): Promise<string> {
	const credentials = await context.getCredentials<{ staffEmail?: unknown }>(OMNIDESK_CREDENTIAL);
	return typeof credentials.staffEmail === 'string' ? credentials.staffEmail.trim() : '';
}

async function apiKeyOf(
	context: IWebhookFunctions | IHookFunctions | ILoadOptionsFunctions,
): Promise<string> {
	const credentials = await context.getCredentials<{ apiKey?: unknown }>(OMNIDESK_CREDENTIAL);
	return typeof credentials.apiKey === 'string' ? credentials.apiKey.trim() : '';
}

/**
 * The URL token deliveries must carry (the slow way: it reads the credential). A credential that
 * cannot be read, or has no key, gives no token: every delivery is refused, never a 5xx.
 */
async function expectedToken(context: IWebhookFunctions | IHookFunctions): Promise<ExpectedSecret> {
	const key = await settle(apiKeyOf(context));
	if (!key.ok || key.value === '') return { secret: '' };
	return { secret: triggerToken(key.value, String(context.getNodeParameter('path', ''))) };
}

export class OmnideskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Omnidesk Trigger',
		name: 'omnideskTrigger',
		icon: { light: 'file:../../icons/omnidesk.svg', dark: 'file:../../icons/omnidesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Rules webhook: " + ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when an Omnidesk rule sends a new case, a client message or (on request) an operator reply',
		defaults: { name: 'Omnidesk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OMNIDESK_CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
				// n8n's own URL panel would show the URL without its token; the field below shows it whole.
				ndvHideUrl: true,
			},
		],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: {
			...omnideskLoadOptions,
			/** The URLs to paste into the Omnidesk rules, token included, as n8n will serve them. */
			async webhookUrls(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await webhookUrlOptions({
					rawPath: this.getCurrentNodeParameter('path'),
					instanceBaseUrl: this.getInstanceBaseUrl(),
					apiKey: apiKeyOf(this),
					token: triggerToken,
					credentialName: 'Omnidesk credential',
					productionUse: 'paste it into both Omnidesk rules, then activate the workflow',
				});
			},
		},
	};

	/**
	 * Omnidesk has no API to register rule webhooks (api-reference §2.6): the admin pastes the URL
	 * into the rules. Activation checks that the token can be made, remembers its digest for
	 * webhook() (nodes/shared/webhook/urlTokenLifecycle.ts), and logs where to find the URL (not
	 * the URL itself: its token is a secret).
	 */
	webhookMethods = urlTokenWebhookMethods({
		apiKey: apiKeyOf,
		token: triggerToken,
		credentialName: 'Omnidesk credential',
		onActivate: (context) =>
			context.logger.info(
				'Omnidesk Trigger: Omnidesk has no API to register webhooks. Paste the URL from the node\'s "Webhook URL for Omnidesk" field into the webhook action of your Omnidesk rules.',
				{ path: normalizeWebhookPath(String(context.getNodeParameter('path', ''))) },
			),
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = this.getQueryData() as IDataObject;
		// A new key's token replaces the remembered one: the admin pastes the URL into the rules.
		const check = await checkWebhookSecret(this, query.token, {
			expected: async () => await expectedToken(this),
			refreshOnMismatch: true,
		});
		if (!check.ok) {
			return rejectWebhook(
				this,
				403,
				'Missing or wrong token: copy the full webhook URL from the Omnidesk Trigger node.',
			);
		}

		// A rule's webhook action sends the body the admin wrote: JSON, or a form (flat fields).
		const read = readDeliveryBody(this, ['json', 'form']);
		if (!read.ok) return rejectWebhook(this, read.status, read.problem);
		const parsed = parseRuleBody(read.body);
		if (!parsed.ok) return rejectWebhook(this, 400, parsed.problem);
		const delivery = parsed.delivery;

		const chosen = this.getNodeParameter('events', []) as OmnideskEvent[];
		const events = new Set(chosen.length > 0 ? chosen : DEFAULT_EVENTS);
		if (!events.has(delivery.event))
			return acknowledgeWebhook(this, {
				ok: true,
				ignored: `event ${delivery.event} not selected`,
			});
		const staffReply = delivery.event === 'staffReply';
		// The loop guard, first from what the body says (no API call needed).
		const refused = staffReply
			? staffReplyRefusedByBody(delivery)
			: delivery.author !== 'visitor' && delivery.author !== 'unknown'
				? `not a client message: ${delivery.authorReason}`
				: undefined;
		if (refused) return acknowledgeWebhook(this, { ok: true, ignored: refused });
		if (delivery.text === '')
			return acknowledgeWebhook(this, { ok: true, ignored: 'the message has no text' });

		const onlyBotLabel = this.getNodeParameter('onlyBotLabel', false) === true;
		const botLabel = String(this.getNodeParameter('botLabel', '') ?? '').trim();
		const options = this.getNodeParameter('options', {}) as {
			checkLastMessage?: boolean;
			dropRepeats?: boolean;
		};
		// Omnidesk is asked only after the cheap checks; a failed call drops the delivery (logged):
		// starting the AI on a case we could not check could make it answer staff or itself.
		const checked = await settle(
			(async (): Promise<{ ignored?: string; messageId?: string; staffId?: string }> => {
				if (staffReply) {
					// The bot label does not apply: operators answer cases the AI handed over.
					return await checkStaffReply(this, delivery, {
						checkLastMessage: options.checkLastMessage !== false,
						staffEmail: await staffEmailOf(this),
					});
				}
				if (onlyBotLabel && botLabel === '') return { ignored: 'no bot label is configured' };
				if (onlyBotLabel && !(await caseHasBotLabel(this, delivery, botLabel)))
					return { ignored: 'the case does not carry the bot label' };
				if (options.checkLastMessage === false) return {};
				const newest = await newestMessage(this, delivery.caseId, delivery.messageId);
				return { ignored: newest.notFromClient, messageId: newest.messageId };
			})(),
		);
		if (!checked.ok) {
			this.logger.warn(
				`Omnidesk Trigger: could not check case ${delivery.caseId} in Omnidesk, delivery ignored: ${(checked.error as Error).message}`,
			);
			return acknowledgeWebhook(this, {
				ok: true,
				ignored: 'the case could not be checked in Omnidesk',
			});
		}
		if (checked.value.ignored)
			return acknowledgeWebhook(this, { ok: true, ignored: checked.value.ignored });

		const messageId = delivery.messageId ?? checked.value.messageId;
		const scope = `${this.getWorkflow().id ?? ''}|${this.getNode().id}`;
		if (
			options.dropRepeats !== false &&
			messageId &&
			isDuplicateDelivery(
				messages.forDelivery(this, scope),
				scope,
				`${delivery.caseId}|${messageId}`,
			)
		) {
			return acknowledgeWebhook(this, { ok: true, ignored: 'this message was already delivered' });
		}

		return acceptDelivery(this, [
			[
				{
					json: toConversationEvent(
						{ ...delivery, messageId, staffId: checked.value.staffId ?? delivery.staffId },
						read.body,
					),
				},
			],
		]);
	}
}
