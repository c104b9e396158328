import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acceptDelivery,
	acknowledgeWebhook,
	buildDeliveryItems,
	checkWebhookSecret,
	readDeliveryBody,
	rejectWebhook,
} from '../shared';
import { triggerProperties } from './trigger/description';
import { parseDelivery } from './trigger/parse';
import { deliveries, deliveryToItems, readSettings } from './trigger/pipeline';
import { registerWebhook, unregisterWebhook, webhookExists } from './trigger/registration';
import {
	acceptsAnyDelivery,
	expectedSecret,
	receivedHeader,
	secretHeaderName,
} from './trigger/secret';
import { DIALOG360_CREDENTIAL, dialog360Account } from './transport';

export class Dialog360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On: " + $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on WhatsApp messages, statuses and errors delivered by 360dialog',
		defaults: { name: '360dialog WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: DIALOG360_CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// 360dialog retries anything but a quick 200 for days: answer before the run starts.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!acceptsAnyDelivery(this)) {
			// What 360dialog sends is what was registered: the remembered digest is the truth.
			const received = receivedHeader(this.getHeaderData(), secretHeaderName(this));
			const check = await checkWebhookSecret(this, received, {
				expected: async () => ({ secret: (await expectedSecret(this)).value }),
			});
			if (!check.ok) return rejectWebhook(this, 403, 'Invalid or missing secret header');
		}
		const body = readDeliveryBody(this, ['json']);
		if (!body.ok) return rejectWebhook(this, body.status, body.problem);
		const parsed = parseDelivery(body.body);
		if (!parsed.ok) return rejectWebhook(this, 400, parsed.problem);

		const settings = readSettings(this);
		// The credential is read only to download files (it says which API serves them).
		const cloud = settings.downloadFiles ? (await dialog360Account(this)).cloud : false;
		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const memory = deliveries.forDelivery(this, scope);
		const built = await buildDeliveryItems(
			async () =>
				await deliveryToItems(this, parsed.entries, { ...settings, scope, cloud }, memory),
		);
		if (!built.ok) return rejectWebhook(this, 400, built.problem);
		const items = built.items;
		if (items.length === 0)
			return acknowledgeWebhook(this, { ok: true, ignored: 'no selected event in this delivery' });
		return acceptDelivery(this, [items]);
	}
}
