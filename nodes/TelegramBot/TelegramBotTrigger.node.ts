import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acceptDelivery,
	acknowledgeWebhook,
	checkWebhookSecret,
	forgetWebhookSecret,
	deriveWebhookToken,
	describeZodError,
	readDeliveryBody,
	rejectWebhook,
	rememberWebhookSecret,
	optionsCollection,
	type ExpectedSecret,
} from '../shared';
import { downloadOption, eventProperties, takeOverOption } from './trigger/description';
import { updateSchema } from './trigger/parse';
import { readSettings, updateToItem } from './trigger/pipeline';
import {
	deleteWebhook,
	getWebhookInfo,
	sameUpdateList,
	webhookTakenError,
} from './trigger/registration';
import { allowedUpdates } from './trigger/events';
import { TELEGRAM_CREDENTIAL, botIdentity, telegramRequest } from './transport';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * The secret_token Telegram echoes in every delivery: derived, so every n8n process agrees. The
 * bot id travels with it (a fact, not a secret) so that webhook() needs no credential read
 * (nodes/shared/webhook/secretDigest.ts).
 */
async function webhookSecret(context: IHookFunctions | IWebhookFunctions): Promise<ExpectedSecret> {
	const { token, botId } = await botIdentity(context);
	return {
		secret: deriveWebhookToken(token, context.getWorkflow().id ?? '', context.getNode().id),
		facts: { botId },
	};
}

export class TelegramBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot Trigger',
		name: 'telegramBotTrigger',
		icon: { light: 'file:../../icons/telegram.svg', dark: 'file:../../icons/telegram.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On: " + $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when a Telegram bot receives an update (webhook)',
		defaults: { name: 'Telegram Bot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TELEGRAM_CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer Telegram at once: it waits for the answer before sending the next update.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Telegram must reach n8n over public HTTPS (port 443, 80, 88 or 8443). Without that, use the "Telegram Bot Polling Trigger" instead. A bot has one webhook: one active trigger per bot.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
			},
			...eventProperties,
			optionsCollection([
				downloadOption,
				{
					displayName: 'Drop Pending Updates',
					name: 'dropPendingUpdates',
					type: 'boolean',
					default: false,
					description:
						'Whether to discard the updates Telegram queued while no webhook was set, when activating',
				},
				takeOverOption,
			]),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const info = await getWebhookInfo(this);
				if (info.url !== this.getNodeWebhookUrl('default')) return false;
				// Same URL but other update types (events changed while n8n was down): register again.
				const wanted = allowedUpdates(this.getNodeParameter('events', []) as string[]);
				const exists =
					sameUpdateList(info.allowed_updates, wanted) || info.allowed_updates === undefined;
				// Registered earlier with the secret derived the same way: remember it for webhook().
				if (exists) rememberWebhookSecret(this, await webhookSecret(this));
				return exists;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') ?? '';
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const info = await getWebhookInfo(this);
				if (info.url && info.url !== url && options.takeOverWebhook !== true) {
					throw webhookTakenError(this.getNode(), info.url, 'webhook');
				}
				const expected = await webhookSecret(this);
				await telegramRequest(this, {
					method: 'setWebhook',
					body: {
						url,
						secret_token: expected.secret,
						allowed_updates: allowedUpdates(this.getNodeParameter('events', []) as string[]),
						drop_pending_updates: options.dropPendingUpdates === true,
					},
					kind: 'read',
				});
				rememberWebhookSecret(this, expected);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				forgetWebhookSecret(this);
				const url = this.getNodeWebhookUrl('default');
				let current: string;
				try {
					current = (await getWebhookInfo(this)).url;
				} catch (error) {
					this.logger.warn(
						`Telegram Bot Trigger: could not read the bot's webhook, so it was left as is: ${(error as Error).message}`,
					);
					return false;
				}
				// Someone else's webhook (a takeover by another workflow, or another program): leave it.
				if (current !== url) return true;
				await deleteWebhook(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// What Telegram sends is what create() registered: the remembered digest is the truth.
		const check = await checkWebhookSecret(this, this.getHeaderData()[SECRET_HEADER], {
			expected: async () => await webhookSecret(this),
		});
		if (!check.ok) return rejectWebhook(this, 403, 'Invalid or missing secret token');
		const botId =
			typeof check.facts.botId === 'string' ? check.facts.botId : (await botIdentity(this)).botId;
		const body = readDeliveryBody(this, ['json']);
		if (!body.ok) return rejectWebhook(this, body.status, body.problem);
		const parsed = updateSchema.safeParse(body.body);
		if (!parsed.success)
			return rejectWebhook(this, 400, `Not a Telegram update: ${describeZodError(parsed.error)}`);

		let item: INodeExecutionData | undefined;
		try {
			item = await updateToItem(this, parsed.data, botId, readSettings(this));
		} catch (error) {
			// Telegram redelivers an update until it gets a 2xx and holds the ones behind it: a
			// valid update we fail to read is logged and acknowledged, never answered 5xx.
			this.logger.warn(
				`Telegram Bot Trigger: skipped update ${String(parsed.data.update_id)}: it could not be read (${(error as Error).message})`,
			);
			return acknowledgeWebhook(this, { ok: true, ignored: 'update could not be read' });
		}
		if (!item)
			return acknowledgeWebhook(this, {
				ok: true,
				ignored: 'not a selected event, or filtered out',
			});
		return acceptDelivery(this, [[item]]);
	}
}
