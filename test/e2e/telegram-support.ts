/** Workflow and credential builders shared by the Telegram end-to-end tests. */
import { PACKAGE_NAME as PACKAGE } from '../helpers/node-harness';
import { waitFor, type WorkflowJson } from './harness';
import { channelTemplate } from './harness/templates';

export { PACKAGE };

/** Waits until a condition holds (the harness's waitFor wants a value, not a boolean). */
export async function until(
	condition: () => boolean,
	timeoutMs: number,
	what: string,
): Promise<void> {
	await waitFor(async () => (condition() ? true : undefined), { timeoutMs, describe: () => what });
}

export const telegramCredential = (id: string, token: string, baseUrl: string) => ({
	id,
	name: `Telegram ${id}`,
	type: 'omnichannelTelegramBotApi',
	data: { accessToken: token, baseUrl },
});

/** Trigger → "Echo: <text>" repeated `times` times in the same chat. */
export function echoWorkflow(
	id: string,
	triggerType: string,
	credentialId: string,
	times: number,
): WorkflowJson {
	return {
		id,
		name: `e2e: ${triggerType} -> echo`,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type: `${PACKAGE}.${triggerType}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: `6b1e2c3d-4e5f-4a6b-8c7d-${id
					.slice(-12)
					.padStart(12, '0')
					.replace(/[^0-9a-f]/gi, '0')}`,
				parameters: {
					events: ['message'],
					options: triggerType === 'telegramBotPollingTrigger' ? { longPollTimeout: 5 } : {},
				},
				credentials: {
					omnichannelTelegramBotApi: { id: credentialId, name: `Telegram ${credentialId}` },
				},
			},
			{
				id: `${id}-send`,
				name: 'Reply',
				type: `${PACKAGE}.telegramBot`,
				typeVersion: 1,
				position: [250, 0],
				parameters: {
					resource: 'message',
					operation: 'sendText',
					text: `={{ Array.from({ length: ${times} }, (_, i) => "Echo " + (i + 1) + ": " + $json.message.text).join("\\n\\n") }}`,
					options: {},
				},
				credentials: {
					omnichannelTelegramBotApi: { id: credentialId, name: `Telegram ${credentialId}` },
				},
			},
		],
		connections: { Trigger: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * A template file with credentials and a task id filled in, as a user would after importing it.
 * The credential ids must have been imported (telegramCredential, and a selartiApi credential).
 */
export function templateWithFakes(
	file: string,
	workflowId: string,
	ids: { telegramCredential: string; selartiCredential: string; taskId: string },
): WorkflowJson {
	return channelTemplate(file, workflowId, {
		channel: {
			nodeType: /\.telegramBot(Trigger)?$/,
			type: 'omnichannelTelegramBotApi',
			id: ids.telegramCredential,
			name: `Telegram ${ids.telegramCredential}`,
		},
		selarti: { id: ids.selartiCredential, name: 'Selarti (fake)' },
		taskId: ids.taskId,
	});
}
