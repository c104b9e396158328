import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadFirstFile, type DownloadContext } from './download';
import { filterProperties, passesFilters, type TriggerFilters } from './filters';
import { toConversationEvent, type TelegramUpdate } from './parse';
import { EVENT_OPTIONS } from './updateTypes';

/** What both trigger nodes ask for: which updates, which of them, and whether to fetch files. */
export const eventProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		required: true,
		default: ['message'],
		description:
			'The update types to receive. Telegram is told to send only these (allowed_updates).',
	},
	filterProperties,
];

export const downloadOption: INodeProperties = {
	displayName: 'Download Files',
	name: 'downloadFiles',
	type: 'boolean',
	default: false,
	description:
		'Whether to download the file of a message (largest photo, document, voice, audio, video) into the binary field "data". Telegram lets bots download files up to 20 MB.',
};

export const takeOverOption: INodeProperties = {
	displayName: 'Take Over Existing Webhook',
	name: 'takeOverWebhook',
	type: 'boolean',
	default: false,
	description:
		'Whether to replace a webhook that another program or workflow registered for this bot. A bot has one webhook; off, activation fails and names the current one.',
};

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
