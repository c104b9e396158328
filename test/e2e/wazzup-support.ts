/** Workflow and credential builders for the Wazzup end-to-end tests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { PACKAGE_NAME as PACKAGE } from '../helpers/node-harness';
import type { WorkflowJson } from './harness';
import { channelTemplate } from './harness/templates';

export const wazzupCredential = (id: string, apiKey: string, baseUrl: string) => ({
	id,
	name: `Wazzup ${id}`,
	type: 'omnichannelWazzupApi',
	data: { apiKey, baseUrl, requestsPerWindow: 400 },
});

const credentialRef = (id: string) => ({ omnichannelWazzupApi: { id, name: `Wazzup ${id}` } });

/** Wazzup Trigger (taking over the account's webhook) → "Echo: <text>" in the same chat. */
export function wazzupEchoWorkflow(id: string, credentialId: string): WorkflowJson {
	return {
		id,
		name: 'e2e: wazzupTrigger -> echo',
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type: `${PACKAGE}.wazzupTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a1b2c3d4-0000-4000-8000-00000000e2e1',
				parameters: { events: ['message'], options: { takeOver: true } },
				credentials: credentialRef(credentialId),
			},
			{
				id: `${id}-send`,
				name: 'Reply',
				type: `${PACKAGE}.wazzup`,
				typeVersion: 1,
				position: [250, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					text: '={{ "Echo: " + $json.message.text }}',
					options: {},
				},
				credentials: credentialRef(credentialId),
			},
		],
		connections: { Trigger: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The Wazzup template with credentials and a task id filled in, as a user would. */
export function wazzupTemplateWithFakes(
	file: string,
	workflowId: string,
	ids: { wazzupCredential: string; selartiCredential: string; taskId: string },
): WorkflowJson {
	return channelTemplate(file, workflowId, {
		channel: {
			nodeType: /\.wazzup(Trigger)?$/,
			type: 'omnichannelWazzupApi',
			id: ids.wazzupCredential,
			name: `Wazzup ${ids.wazzupCredential}`,
		},
		selarti: { id: ids.selartiCredential, name: 'Selarti (fake)' },
		taskId: ids.taskId,
	});
}

/** Another program's webhook receiver (a CRM integration): answers 200 to everything. */
export class OtherProgram {
	readonly received: unknown[] = [];
	private server?: http.Server;

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this.url;
	}

	get url(): string {
		return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/crm/wazzup`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}
}
