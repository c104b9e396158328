import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acceptDelivery,
	acknowledgeWebhook,
	asNodeError,
	buildDeliveryItems,
	checkWebhookSecret,
	forgetWebhookSecret,
	readDeliveryBody,
	rejectWebhook,
	rememberWebhookSecret,
	settle,
} from '../shared';
import { triggerProperties } from './trigger/description';
import { downloadAttachment } from './trigger/download';
import { deliveries, deliveryItems } from './trigger/items';
import { parseDelivery } from './trigger/parse';
import { checkExists, create, remove } from './trigger/registration';
import { TOKEN_PARAMETER, expectedToken } from './trigger/token';
import { WAZZUP_CREDENTIAL } from './transport';

const CREATION_EVENTS = new Set(['createContact', 'createDeal']);

/**
 * Manual registration: the user's token is remembered like an automatic one, so a changed token
 * (saving the workflow activates it again) replaces the record. An invalid token leaves no
 * record, and webhook() reports it as before.
 */
async function rememberManualToken(context: IHookFunctions): Promise<boolean> {
	const token = await settle(expectedToken(context));
	rememberWebhookSecret(context, { secret: token.ok ? token.value : '' });
	return true;
}

export class WazzupTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wazzup Trigger',
		name: 'wazzupTrigger',
		icon: { light: 'file:../../icons/wazzup.svg', dark: 'file:../../icons/wazzup.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On: " + $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on Wazzup events: messages, echoes, edits, statuses, channel and template changes, creation requests',
		defaults: { name: 'Wazzup Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: WAZZUP_CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Messages are always answered at once (webhook() answers them itself); creation
				// requests may wait for the workflow's result when the option says so.
				responseMode: '={{ $parameter["options"]["creationResponse"] || "onReceived" }}',
				path: 'wazzup',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') === 'manual')
					return await rememberManualToken(this);
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') === 'manual')
					return await rememberManualToken(this);
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				forgetWebhookSecret(this);
				if (this.getNodeParameter('registration', 'automatic') === 'manual') return true;
				return await remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const received = this.getQueryData() as IDataObject;
		// What Wazzup sends is what was registered: the remembered digest is the truth.
		const check = await settle(
			checkWebhookSecret(this, received[TOKEN_PARAMETER], {
				expected: async () => ({ secret: await expectedToken(this) }),
			}),
		);
		if (!check.ok) throw asNodeError(this.getNode(), check.error);
		if (!check.value.ok) return rejectWebhook(this, 403, 'Invalid or missing token');
		const body = readDeliveryBody(this, ['json']);
		if (!body.ok) return rejectWebhook(this, body.status, body.problem);
		// Wazzup's check when the address is set (api-reference §3.4): 200, nothing runs.
		if (body.body.test === true && Object.keys(body.body).length === 1) {
			return acknowledgeWebhook(this, { ok: true, ignored: 'Wazzup test delivery' });
		}
		const parsed = parseDelivery(body.body);
		if (!parsed.ok) return rejectWebhook(this, 400, parsed.problem);

		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const built = await buildDeliveryItems(() =>
			deliveryItems(
				parsed.delivery,
				{
					events: this.getNodeParameter('events', []) as string[],
					channelIds: String(this.getNodeParameter('channelIds', '') ?? '')
						.split(',')
						.map((id) => id.trim())
						.filter(Boolean),
					scope,
				},
				deliveries.forDelivery(this, scope),
			),
		);
		if (!built.ok) return rejectWebhook(this, 400, built.problem);
		const items = built.items;
		if (items.length === 0)
			return acknowledgeWebhook(this, { ok: true, ignored: 'no selected event in this delivery' });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const output: INodeExecutionData[] = [];
		for (const json of items) {
			const binary =
				options.downloadFiles === true ? await downloadAttachment(this, json) : undefined;
			output.push(binary ? { json, binary } : { json });
		}
		const waitsForResult =
			options.creationResponse === 'lastNode' &&
			items.some((item) => CREATION_EVENTS.has(String(item.event)));
		// A creation request in "Answer With the Workflow Result" mode: n8n answers with the last
		// node's first item (the created contact or deal). Everything else is answered now.
		if (waitsForResult) return { workflowData: [output] };
		return acceptDelivery(this, [output]);
	}
}
