import * as http from 'node:http';

/** One request the balancer forwarded: to which backend (index), and what it answered. */
export interface BalancedRequest {
	method: string;
	path: string;
	backend: number;
	status: number;
}

/**
 * A round-robin HTTP load balancer on 127.0.0.1, as a business would put in front of several n8n
 * webhook processes: every request goes to the next backend; one that refuses connections (being
 * restarted) is skipped, as a health-checking balancer would.
 */
export class RoundRobinBalancer {
	readonly requests: BalancedRequest[] = [];
	private next = 0;
	private server: http.Server | undefined;

	constructor(
		private readonly backends: string[],
		readonly port: number,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		const server = http.createServer((request, response) => void this.forward(request, response));
		this.server = server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private async forward(request: http.IncomingMessage, response: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		for (let attempt = 0; attempt < this.backends.length; attempt++) {
			const backend = this.next++ % this.backends.length;
			try {
				const answer = await send(this.backends[backend], request, body);
				this.requests.push({
					method: request.method ?? '',
					path: request.url ?? '',
					backend,
					status: answer.status,
				});
				// The whole body is sent at once: its length replaces the backend's framing headers.
				const headers = { ...answer.headers };
				delete headers['transfer-encoding'];
				delete headers.connection;
				response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
				response.end(answer.body);
				return;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') {
					response.writeHead(502).end(String(error));
					return;
				}
			}
		}
		response.writeHead(503).end('no backend up');
	}
}

function send(
	base: string,
	request: http.IncomingMessage,
	body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const target = new URL(request.url ?? '/', base);
		const outgoing = http.request(
			target,
			{ method: request.method, headers: { ...request.headers, host: target.host } },
			(answer) => {
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () =>
					resolve({
						status: answer.statusCode ?? 0,
						headers: answer.headers,
						body: Buffer.concat(chunks),
					}),
				);
				answer.on('error', reject);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}
