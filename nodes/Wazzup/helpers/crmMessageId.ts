import { createHash } from 'crypto';

/** What makes one send unique: the same values always give the same crmMessageId. */
export interface SendIdentity {
	instanceId: string;
	workflowId: string;
	executionId: string;
	nodeId: string;
	itemIndex: number;
	/** 0 for the first message of an item; a long text or text + file makes several. */
	part: number;
}

/**
 * The crmMessageId of one send (api-reference §3.2). Derived, never random: when a send hit a
 * 5xx or a broken connection the transport sends the very same request again, and Wazzup
 * refuses the repeat instead of delivering it twice. The same node re-run for an item inside one
 * execution ("Retry On Fail") gets the same ids too. The instance id keeps two n8n installs
 * (whose execution ids both start at 1) from ever sharing an id.
 */
export function deriveCrmMessageId(identity: SendIdentity): string {
	const digest = createHash('sha256')
		.update(
			[
				identity.instanceId,
				identity.workflowId,
				identity.executionId,
				identity.nodeId,
				identity.itemIndex,
				identity.part,
			].join('\n'),
			'utf8',
		)
		.digest('base64url')
		.slice(0, 32);
	return `n8n-${digest}`;
}

/** A crmMessageId the user gave: the first part keeps it, later parts add "-2", "-3", … */
export function userCrmMessageId(given: string, part: number): string {
	return part === 0 ? given : `${given}-${part + 1}`;
}
