import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { downloadFirstFile, type DownloadContext } from './download';
import { passesFilters, type TriggerFilters } from './filters';
import { toConversationEvent, type TelegramUpdate } from './parse';

/** What both trigger nodes read from their fields (trigger/description.ts) for every update. */
export interface TriggerSettings {
	events: string[];
	filters: TriggerFilters;
	downloadFiles: boolean;
}

export function readSettings(context: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}): TriggerSettings {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	return {
		events: (context.getNodeParameter('events', []) as string[]) ?? [],
		filters: (context.getNodeParameter('filters', {}) as TriggerFilters) ?? {},
		downloadFiles: options.downloadFiles === true,
	};
}

/** One update as an item, or undefined when the filters drop it. */
export async function updateToItem(
	context: DownloadContext,
	update: TelegramUpdate,
	botId: string,
	settings: TriggerSettings,
	abortSignal?: AbortSignal,
): Promise<INodeExecutionData | undefined> {
	const event = toConversationEvent(update, botId);
	if (!passesFilters(event, settings.events, settings.filters)) return undefined;
	const binary = settings.downloadFiles
		? await downloadFirstFile(context, event, abortSignal)
		: undefined;
	return binary ? { json: event, binary } : { json: event };
}
