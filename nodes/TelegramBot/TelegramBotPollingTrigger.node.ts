import {
	NodeConnectionTypes,
	type IDataObject,
	type IDeferredPromise,
	type INodeExecutionData,
	type IRun,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

import { longPoll, type OffsetStore } from './trigger/polling';
import { downloadOption, eventProperties, takeOverOption } from './trigger/description';
import { readSettings } from './trigger/pipeline';
import { deleteWebhook, getWebhookInfo, webhookTakenError } from './trigger/registration';
import { allowedUpdates } from './trigger/events';
import { pause, optionsCollection } from '../shared';
import { TELEGRAM_CREDENTIAL, botIdentity } from './transport';

/** How long deactivation waits for the loop to wind down after aborting its call. */
const STOP_GRACE_MS = 2_000;

/**
 * The longest one batch waits for earlier runs of a chat to finish before starting the rest
 * (README: order per chat). Meanwhile the bot asks Telegram for nothing new, so this bounds how
 * long one stuck run can delay every chat.
 */
const MAX_RUN_WAIT_MS = 30_000;

/**
 * Starts a run and returns when it finished: n8n resolves the donePromise of emit() once the
 * execution is over (1.x and 2.x alike; n8n's own queue triggers wait on it the same way).
 */
function emitAndWatch(context: ITriggerFunctions, items: INodeExecutionData[]): Promise<unknown> {
	let resolve!: IDeferredPromise<IRun>['resolve'];
	let reject!: IDeferredPromise<IRun>['reject'];
	const promise = new Promise<IRun>((onDone, onError) => {
		resolve = onDone;
		reject = onError;
	});
	const done: IDeferredPromise<IRun> = { promise, resolve, reject };
	context.emit([items], undefined, done);
	return promise;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

export class TelegramBotPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot Polling Trigger',
		name: 'telegramBotPollingTrigger',
		icon: { light: 'file:../../icons/telegram.svg', dark: 'file:../../icons/telegram.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On: " + $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow when a Telegram bot receives an update (long polling, no public URL needed)',
		defaults: { name: 'Telegram Bot Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TELEGRAM_CREDENTIAL, required: true }],
		properties: [
			{
				displayName:
					'Long polling needs no public URL: n8n asks Telegram for new updates itself. One consumer per bot: no webhook and no other poller may use the same bot. Deactivate the workflow before testing it in the editor.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			...eventProperties,
			optionsCollection([
				downloadOption,
				{
					displayName: 'Long Poll Timeout (Seconds)',
					name: 'longPollTimeout',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 50 },
					default: 25,
					description:
						'How long each request waits for new updates. Longer means fewer requests; keep it under proxy timeouts.',
				},
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 100 },
					default: 100,
					description: 'Max updates fetched per request; each update still starts its own run',
				},
				takeOverOption,
			]),
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const { botId } = await botIdentity(this);
		const settings = readSettings(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;

		// getUpdates answers 409 while a webhook is set: settle that before starting, so the
		// activation itself fails with a clear message instead of a loop of errors.
		const webhook = await getWebhookInfo(this);
		if (webhook.url) {
			if (options.takeOverWebhook !== true)
				throw webhookTakenError(this.getNode(), webhook.url, 'polling');
			await deleteWebhook(this);
		}

		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node') as {
			offset?: number;
			unstarted?: number[];
		};
		const offsets: OffsetStore = {
			get: () => (typeof staticData.offset === 'number' ? staticData.offset : undefined),
			set: (offset) => {
				staticData.offset = offset;
			},
			getUnstarted: () =>
				Array.isArray(staticData.unstarted)
					? staticData.unstarted.filter((id) => Number.isSafeInteger(id))
					: [],
			setUnstarted: (ids) => {
				if (ids.length) staticData.unstarted = ids;
				else delete staticData.unstarted;
			},
		};
		const abort = new AbortController();
		const run = (stopAfterFirstItems: boolean) =>
			longPoll({
				context: this,
				logger: this.logger,
				botId,
				settings,
				allowedUpdates: allowedUpdates(settings.events),
				timeoutSeconds: clamp(options.longPollTimeout, 1, 50, 25),
				limit: clamp(options.batchSize, 1, 100, 100),
				signal: abort.signal,
				offsets,
				// The editor's test run takes one batch as one run; a live workflow runs each update on
				// its own, and waits for it to finish before the same chat's next one (ChatOrder).
				startRun: async (items) => {
					if (!stopAfterFirstItems) return await emitAndWatch(this, items);
					this.emit([items]);
					return undefined;
				},
				maxRunWaitMs: MAX_RUN_WAIT_MS,
				fail: (error) => this.emitError(error),
				stopAfterFirstItems,
			});

		let loop: Promise<void> | undefined;
		const closeFunction = async () => {
			abort.abort();
			if (!loop) return;
			// Wait for the loop to wind down, but never hold deactivation longer than the grace period.
			const grace = new AbortController();
			await Promise.race([loop.finally(() => grace.abort()), pause(STOP_GRACE_MS, grace.signal)]);
		};

		if (manual) {
			return {
				closeFunction,
				manualTriggerFunction: async () => {
					loop = run(true);
					await loop;
				},
			};
		}
		// The loop handles its own errors; anything unexpected is reported, not left unhandled.
		loop = run(false).catch((error: Error) => this.emitError(error));
		return { closeFunction };
	}
}
