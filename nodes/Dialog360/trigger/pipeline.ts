import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	isDuplicateDelivery,
	type KeyValueMemory,
	type RequestContext,
	TriggerRedeliveries,
} from '../../shared';
import { downloadMedia } from '../helpers/media';
import { toConversationEvent, type Dialog360Event } from './events';
import type { DeliveryEntry } from './parse';

/** What the trigger reads from its fields for every delivery. */
export interface TriggerSettings {
	events: string[];
	statuses: string[];
	downloadFiles: boolean;
}

export function readSettings(context: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}): TriggerSettings {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	return {
		events: (context.getNodeParameter('events', []) as string[]) ?? [],
		statuses: Array.isArray(options.statuses)
			? (options.statuses as string[])
			: ['sent', 'delivered', 'read', 'failed'],
		downloadFiles: options.downloadFiles === true,
	};
}

const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * 360dialog retries a delivery for days until it gets a 200, so the same message can come again
 * (and the legacy API has sent one id twice in one body); a repeat within a day is dropped. In
 * production the node's static data decides, shared by every n8n process (`deliveryMemory`,
 * docs/architecture.md, "Queue mode"); this per-process memory is its fast path, and the only
 * memory of test deliveries.
 */
export const deliveries = new TriggerRedeliveries('recentDeliveries', WINDOW_MS);
export const seenDeliveries = deliveries.recent;
export const forgetDeliveries = (): void => deliveries.forget();

/** The id that makes a repeat recognisable: a message's wamid, a status's wamid plus its state. */
function deliveryId(entry: DeliveryEntry): string | undefined {
	if (entry.kind === 'message') return entry.message.id ? `m:${entry.message.id}` : undefined;
	if (entry.kind === 'status')
		return entry.status.id ? `s:${entry.status.id}:${entry.status.status ?? ''}` : undefined;
	return undefined;
}

function wanted(event: Dialog360Event, settings: TriggerSettings): boolean {
	if (!settings.events.includes(event.event)) return false;
	if (event.event !== 'status') return true;
	return settings.statuses.includes(String((event.status as IDataObject).status ?? ''));
}

/** The part of the body an item came from, without the rest of the batch. */
function rawOf(entry: DeliveryEntry): IDataObject {
	const raw: IDataObject = compactRaw({
		phoneNumberId: entry.phoneNumberId,
		wabaId: entry.wabaId,
		contacts: entry.contacts.length ? (entry.contacts as IDataObject[]) : undefined,
	});
	if (entry.kind === 'message') raw.message = entry.message as IDataObject;
	if (entry.kind === 'status') raw.status = entry.status as IDataObject;
	if (entry.kind === 'error') raw.error = entry.error as IDataObject;
	return raw;
}

function compactRaw(value: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

export interface DownloadContext extends RequestContext {
	helpers: RequestContext['helpers'] & {
		prepareBinaryData(data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData>;
	};
}

/** The items a delivery starts a run with: wanted, not seen before, files fetched if asked. */
export async function deliveryToItems(
	context: DownloadContext,
	entries: DeliveryEntry[],
	settings: TriggerSettings & { scope: string; cloud: boolean },
	memory: KeyValueMemory<true> = seenDeliveries,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const entry of entries) {
		const event = toConversationEvent(entry, rawOf(entry));
		if (!wanted(event, settings)) continue;
		if (isDuplicateDelivery(memory, settings.scope, deliveryId(entry))) continue;
		const item: INodeExecutionData = { json: event };
		const file = event.message.attachments.find((attachment) => attachment.id);
		if (settings.downloadFiles && settings.cloud && file?.id) {
			try {
				const { info, data } = await downloadMedia(context, file.id);
				item.binary = {
					data: await context.helpers.prepareBinaryData(data, file.fileName, info.mime_type),
				};
			} catch (error) {
				// The message still starts its run; a retry would count against the media limit.
				event.message.downloadError = error instanceof Error ? error.message : String(error);
			}
		}
		items.push(item);
	}
	return items;
}
