import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeExecutionData } from 'n8n-workflow';

import type { NodeHarness } from '../../../helpers';

/**
 * A stand-in for n8n's webhook server: it hands every POST to the trigger's webhook() and answers
 * what the node answered, so the fake Wazzup's {test:true} probe and deliveries reach the node
 * over HTTP, as they would in n8n.
 */
export class WebhookStandIn {
	readonly runs: INodeExecutionData[][] = [];
	private server?: http.Server;
	node?: NodeHarness;

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this.url;
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo;
		return `http://127.0.0.1:${address.port}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', this.url);
		if (!this.node) {
			res.writeHead(404).end();
			return;
		}
		let body: unknown;
		try {
			body = JSON.parse(raw);
		} catch {
			body = {};
		}
		const { result, response } = await this.node.webhook({
			body,
			rawBody: raw,
			headers: Object.fromEntries(
				Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
			),
			query: Object.fromEntries(url.searchParams),
		});
		if (result.workflowData) this.runs.push(result.workflowData[0]);
		if (!result.noWebhookResponse) {
			// What n8n answers when the node leaves the answer to it (onReceived, default response
			// data): the literal text, not JSON. In lastNode mode it would be the workflow's result.
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end('firstEntryJson');
			return;
		}
		res.writeHead(response.statusCode, { 'content-type': 'application/json' });
		res.end(JSON.stringify(response.body));
	}
}
