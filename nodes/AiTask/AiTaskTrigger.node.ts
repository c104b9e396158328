import {
	type IDataObject,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
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
	productionStaticData,
	readDeliveryBody,
	rejectWebhook,
	urlTokenWebhookMethods,
	webhookUrlOptions,
	type ExpectedSecret,
} from '../shared';
import { SELARTI_CREDENTIAL } from './transport';
import { classify, eventItem } from './trigger/classify';
import { triggerProperties } from './trigger/description';
import {
	AI_TASK_EVENTS,
	configuredOutputs,
	DEFAULT_EVENTS,
	outputIndexOf,
	type AiTaskEvent,
} from './trigger/events';
import { triggerMemories } from './trigger/memory';
import { parseSelartiWebhook } from './trigger/parse';
import { triggerToken } from './trigger/webhookUrl';

async function apiKeyOf(
	context: IWebhookFunctions | IHookFunctions | ILoadOptionsFunctions,
): Promise<string> {
	const credentials = await context.getCredentials<{ apiKey?: unknown }>(SELARTI_CREDENTIAL);
	return typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
}

/** The URL token deliveries must carry (the slow way: it reads the credential). */
async function expectedToken(context: IWebhookFunctions | IHookFunctions): Promise<ExpectedSecret> {
	const apiKey = await apiKeyOf(context);
	// No key, no token: every delivery is refused (403) rather than answered with a 500.
	if (apiKey === '') return { secret: '' };
	return { secret: triggerToken(apiKey, String(context.getNodeParameter('path', ''))) };
}

function selectedEvents(context: IWebhookFunctions): Set<AiTaskEvent> {
	const chosen = context.getNodeParameter('events', []) as AiTaskEvent[];
	return new Set(chosen.length > 0 ? chosen : DEFAULT_EVENTS);
}

export class AiTaskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AI Task Trigger',
		name: 'aiTaskTrigger',
		icon: { light: 'file:../../icons/selarti.svg', dark: 'file:../../icons/selarti.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["separateOutputs"] ? "separate outputs" : "events: " + ($parameter["events"] || []).join(", ")}}',
		description:
			'Starts a workflow when a Selarti AI task answers, hands off, closes a dialog or captures a contact',
		defaults: { name: 'AI Task Trigger' },
		inputs: [],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		credentials: [{ name: SELARTI_CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
				// n8n's own URL panel would show the URL without its token; the "Webhook URL for Selarti" field shows it whole.
				ndvHideUrl: true,
			},
		],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: {
			/** The URLs to paste into Selarti, token included, as n8n will serve them. */
			async webhookUrls(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return await webhookUrlOptions({
					rawPath: this.getCurrentNodeParameter('path'),
					instanceBaseUrl: this.getInstanceBaseUrl(),
					apiKey: apiKeyOf(this),
					token: triggerToken,
					credentialName: 'Selarti API credential',
					productionUse: 'paste it into Selarti and activate the workflow',
				});
			},
		},
	};

	/**
	 * Selarti has no API to register webhooks (the user pastes the URL into an integration):
	 * activation fails early when the credential cannot produce a token, and remembers the
	 * token's digest for webhook() (nodes/shared/webhook/urlTokenLifecycle.ts).
	 */
	webhookMethods = urlTokenWebhookMethods({
		apiKey: apiKeyOf,
		token: triggerToken,
		credentialName: 'Selarti API credential',
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = this.getQueryData() as IDataObject;
		// A new key's token replaces the remembered one: the user pastes the URL into Selarti.
		const check = await checkWebhookSecret(this, query.token, {
			expected: async () => await expectedToken(this),
			refreshOnMismatch: true,
		});
		if (!check.ok) {
			return rejectWebhook(
				this,
				403,
				'Missing or wrong token: copy the full webhook URL from the AI Task Trigger node.',
			);
		}

		const read = readDeliveryBody(this, ['json']);
		if (!read.ok) return rejectWebhook(this, read.status, read.problem);
		const parsed = parseSelartiWebhook(read.body);
		if (!parsed.ok) return rejectWebhook(this, 400, parsed.problem);
		const body = parsed.body;

		const scope = `${this.getWorkflow().id ?? ''}|${this.getNode().id}`;
		// n8n saves static data of production deliveries only; a test delivery's would be dropped.
		const memories = triggerMemories(productionStaticData(this), scope);
		const options = this.getNodeParameter('options', {}) as { dropDuplicates?: boolean };
		if (
			options.dropDuplicates !== false &&
			isDuplicateDelivery(memories.messages, scope, body.message_id)
		) {
			return acknowledgeWebhook(this, { ok: true, ignored: 'duplicate message_id' });
		}

		const wanted = selectedEvents(this);
		const events = classify(body, scope, memories.dialogs).filter((event) => wanted.has(event));
		if (events.length === 0)
			return acknowledgeWebhook(this, { ok: true, ignored: 'no selected event' });

		const items = events.map((event): [AiTaskEvent, INodeExecutionData] => [
			event,
			{ json: eventItem(event, body) },
		]);
		if (this.getNodeParameter('separateOutputs', false) !== true) {
			return acceptDelivery(this, [items.map(([, item]) => item)]);
		}
		const outputs: INodeExecutionData[][] = AI_TASK_EVENTS.map(() => []);
		for (const [event, item] of items) outputs[outputIndexOf(event)].push(item);
		return acceptDelivery(this, outputs);
	}
}
