import { NodeOperationError, type INode } from 'n8n-workflow';

import type { RequestContext } from '../../shared';
import { telegramRequest } from '../transport';

export interface WebhookInfo {
	url: string;
	allowed_updates?: string[];
	pending_update_count?: number;
	last_error_message?: string;
}

export async function getWebhookInfo(
	context: RequestContext,
	abortSignal?: AbortSignal,
): Promise<WebhookInfo> {
	const info = await telegramRequest<WebhookInfo>(context, {
		method: 'getWebhookInfo',
		kind: 'read',
		abortSignal,
	});
	return { ...info, url: info?.url ?? '' };
}

/** Only our own registration is ever removed; the caller has checked that it is ours. */
export async function deleteWebhook(context: RequestContext): Promise<void> {
	await telegramRequest(context, {
		method: 'deleteWebhook',
		body: { drop_pending_updates: false },
		kind: 'read',
	});
}

/** Activation refused because another consumer owns the bot's webhook. */
export function webhookTakenError(
	node: INode,
	currentUrl: string,
	purpose: 'webhook' | 'polling',
): NodeOperationError {
	const why =
		purpose === 'polling'
			? 'Telegram does not deliver updates to long polling while a webhook is set.'
			: 'A bot has only one webhook, and replacing it would silently cut off whoever set it.';
	return new NodeOperationError(node, `This bot already has a webhook: ${currentUrl}`, {
		description: `${why} Turn on "Take Over Existing Webhook" in the node's options to replace it, or deactivate the workflow or program that uses it.`,
	});
}

export function sameUpdateList(a: readonly string[] | undefined, b: readonly string[]): boolean {
	const left = [...(a ?? [])].sort();
	const right = [...b].sort();
	return left.length === right.length && left.every((value, index) => value === right[index]);
}
