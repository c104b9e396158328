import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

/** A workflow as `n8n import:workflow` takes it. Give it a fixed `id` so tests can activate and query it. */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	active?: boolean;
	[key: string]: unknown;
}

/**
 * A credential with plain `data`: `n8n import:credentials` encrypts plain objects with the
 * instance's key (checked in n8n 1.123's ImportCredentialsCommand), so fixtures stay readable.
 * Workflows refer to it as `credentials: { <type>: { id, name } }`.
 */
export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}
