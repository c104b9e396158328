import type { IDataObject } from 'n8n-workflow';

import { settle } from '../../shared';
import { isWindowClosedError } from '../transport';
import { sendMessage, type Dialog360OperationContext } from './send';
import { templateChoice, templatePayload, type TemplateChoice } from './template';

/**
 * The "Template Outside the 24-Hour Window" options of free-form sends. WhatsApp refuses free
 * text to a user who has not written in the last 24 hours; only an approved template may start
 * the conversation again.
 */
export function windowTemplateOf(options: IDataObject): TemplateChoice | undefined {
	const name = String(options.windowTemplateName ?? '').trim();
	if (!name) return undefined;
	return templateChoice(name, options.windowTemplateLanguage, options.windowTemplateComponents, {
		name: 'Template Name (Outside Window)',
		components: 'Template Components (Outside Window)',
	});
}

export interface WindowResult {
	messageIds: string[];
	/** True when the window was closed and the template went instead. */
	sentTemplate: boolean;
}

/**
 * Runs a free-form send; when WhatsApp refuses it for the closed window and a template is set,
 * sends the template instead. The refused send did nothing, so this never sends twice.
 */
export async function sendWithinWindow(
	context: Dialog360OperationContext,
	to: string,
	template: TemplateChoice | undefined,
	send: () => Promise<string[]>,
): Promise<WindowResult> {
	const first = await settle(send());
	if (first.ok) return { messageIds: first.value, sentTemplate: false };
	if (!template || !isWindowClosedError(first.error)) throw first.error;
	const id = await sendMessage(context, to, 'template', templatePayload(template));
	return { messageIds: [id], sentTemplate: true };
}
