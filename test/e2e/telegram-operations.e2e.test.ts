/**
 * The Telegram Bot action node's operations inside a real n8n (issue 4's action list), chained in
 * one workflow the way a builder would: n8n's own expressions between nodes and n8n's own binary
 * data handling (a file downloaded by one node and uploaded by the next).
 *   Webhook → send text with inline buttons → edit it → get a file into binary → send it back as a
 *   document → delete the first message → answer a callback query.
 */
import type { INodeParameters } from 'n8n-workflow';

import { FakeTelegram } from '../fakes/telegram';
import { N8nInstance, nodeOutput, type WorkflowJson } from './harness';
import { PACKAGE, telegramCredential } from './telegram-support';

const BOT = '888888888:AAoperationsBotTokenForE2eTests_0000';
const CHAT = '86815320';
const CREDENTIAL = {
	omnichannelTelegramBotApi: { id: 'tgOpsCred000001', name: 'Telegram tgOpsCred000001' },
};

const step = (name: string, x: number, parameters: INodeParameters) => ({
	id: `c3000000-0000-4000-8000-${String(x).padStart(12, '0')}`,
	name,
	type: `${PACKAGE}.telegramBot`,
	typeVersion: 1,
	position: [x, 0] as [number, number],
	parameters,
	credentials: CREDENTIAL,
});

/** Connects the nodes one after the other. */
function chain(...names: string[]): WorkflowJson['connections'] {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
}

const body = (field: string) => `={{ $('Webhook').item.json.body.${field} }}`;

const operationsWorkflow: WorkflowJson = {
	id: 'e2eTgOperations1',
	name: 'e2e: Telegram Bot operations',
	nodes: [
		{
			id: 'c3000000-0000-4000-8000-000000000000',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'c3000000-0000-4000-8000-0000000000a1',
			parameters: { httpMethod: 'POST', path: 'e2e-tg-ops', responseMode: 'lastNode', options: {} },
		},
		step('Send with buttons', 200, {
			resource: 'message',
			operation: 'sendText',
			chatId: body('chatId'),
			text: 'Pick one',
			replyMarkup: 'inlineKeyboard',
			inlineButtons: {
				button: [
					{ text: 'Yes', type: 'callback', callbackData: 'pick:yes', row: 1 },
					{ text: 'Site', type: 'url', url: 'https://example.com/', row: 1 },
				],
			},
			options: {},
		}),
		step('Edit', 400, {
			resource: 'message',
			operation: 'editText',
			chatId: body('chatId'),
			messageId: '={{ $json.messageId }}',
			text: 'Picked: yes',
			options: {},
		}),
		step('Get file', 600, {
			resource: 'file',
			operation: 'get',
			fileId: body('fileId'),
			download: true,
			binaryPropertyName: 'data',
		}),
		step('Send document', 800, {
			resource: 'message',
			operation: 'sendDocument',
			chatId: body('chatId'),
			source: 'binary',
			binaryPropertyName: 'data',
			caption: 'Here is your price list',
			options: {},
		}),
		step('Delete', 1000, {
			resource: 'message',
			operation: 'delete',
			chatId: body('chatId'),
			messageId: "={{ $('Send with buttons').item.json.messageId }}",
		}),
		step('Answer callback', 1200, {
			resource: 'callback',
			operation: 'answer',
			callbackQueryId: body('callbackQueryId'),
			options: { text: 'Done' },
		}),
	],
	connections: chain(
		'Webhook',
		'Send with buttons',
		'Edit',
		'Get file',
		'Send document',
		'Delete',
		'Answer callback',
	),
	settings: { executionOrder: 'v1' },
};

describe('Telegram Bot operations in a real n8n', () => {
	const telegram = new FakeTelegram({ tokens: [BOT] });
	let n8n: N8nInstance;

	beforeAll(async () => {
		await telegram.start();
		n8n = await N8nInstance.create({ name: 'telegram-operations' });
		await n8n.importCredentials([telegramCredential('tgOpsCred000001', BOT, telegram.apiBaseUrl)]);
		await n8n.importWorkflows([operationsWorkflow]);
		await n8n.activate([operationsWorkflow.id]);
		await n8n.start();
		await n8n.waitForWebhook('e2e-tg-ops');
	});

	afterAll(async () => {
		await n8n?.stop();
		await telegram.stop();
	});

	it('sends, edits, downloads, re-uploads, deletes and answers, each reaching Telegram as documented', async () => {
		const priceList = Buffer.from('%PDF-1.4 price list, not really a PDF\n');
		const file = telegram.addFile(priceList, {
			file_name: 'prices.pdf',
			mime_type: 'application/pdf',
		});

		const response = await n8n.post('e2e-tg-ops', {
			chatId: `telegram:888888888:${CHAT}`,
			fileId: file.file_id,
			callbackQueryId: '4382bfdwdsb323b2d9',
		});
		expect(response.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(operationsWorkflow.id, 1);
		expect(execution.status).toBe('success');

		const [buttons, document] = telegram.sentTo(CHAT, BOT);
		expect(buttons.text).toBe('Pick one');
		expect(buttons.args.reply_markup).toEqual({
			inline_keyboard: [
				[
					{ text: 'Yes', callback_data: 'pick:yes' },
					{ text: 'Site', url: 'https://example.com/' },
				],
			],
		});
		expect(telegram.edits).toEqual([
			expect.objectContaining({
				chatId: CHAT,
				messageId: buttons.result.message_id,
				text: 'Picked: yes',
			}),
		]);

		// The bytes n8n downloaded into binary data went back up, whole, as a multipart upload.
		expect(document.method).toBe('sendDocument');
		expect(document.caption).toBe('Here is your price list');
		expect(document.media?.source).toBe('upload');
		expect(document.media?.upload?.data.equals(priceList)).toBe(true);
		expect(document.media?.upload?.filename).toMatch(/prices\.pdf$/);
		expect(nodeOutput(execution, 'Get file')[0].binary?.data).toEqual(
			expect.objectContaining({ mimeType: 'application/pdf' }),
		);

		expect(telegram.deletions).toEqual([
			expect.objectContaining({ chatId: CHAT, messageId: buttons.result.message_id }),
		]);
		expect(telegram.callbackAnswers).toEqual([
			expect.objectContaining({ callback_query_id: '4382bfdwdsb323b2d9', text: 'Done' }),
		]);
	});
});
