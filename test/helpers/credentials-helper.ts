/**
 * The part of n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts, n8n 1.123) that
 * n8n-core's httpRequestWithAuthentication calls, reproduced so unit tests go through the same
 * token refresh and request signing as a real n8n:
 * - preAuthentication runs the credential's preAuthentication when its `expirable` hidden
 *   property is empty, when n8n saw a 401 (credentialsExpired), or for a credential test node;
 *   the result is merged and "saved" (here: into the test's credential store) only when the
 *   node has credentials, exactly as n8n does;
 * - authenticate applies a generic {headers|qs|body|auth} template, resolving ={{$credentials.x}}
 *   with n8n-workflow's expression engine, or calls an authenticate function.
 */
import {
	Workflow,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
} from 'n8n-workflow';

/** Decrypted credential data by credential type name; refreshed tokens are written back here. */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export class TestCredentialsHelper {
	/** Every preAuthentication the credential ran (a token fetch or refresh), in order. */
	readonly refreshes: Array<{ type: string; expired: boolean }> = [];
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		credentialTypes: ICredentialType[],
		private readonly store: CredentialStore,
	) {
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	getCredentialType(name: string): ICredentialType | undefined {
		return this.types.get(name);
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.types.get(typeName);
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		requestOptions.headers ??= {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, IDataObject>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as IDataObject)) {
					const resolvedKey = this.resolveValue(key, credentials, workflow, node);
					const resolvedValue = this.resolveValue(value, credentials, workflow, node);
					target[outerKey] ??= {};
					target[outerKey][resolvedKey] = resolvedValue;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.types.get(typeName);
		if (!credentialType) return undefined;
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials)
			return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		this.refreshes.push({ type: typeName, expired: credentialsExpired });
		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;
		this.updateCredentials(
			node.credentials[credentialType.name],
			typeName,
			Object.assign(credentials, output),
		);
		return Object.assign(credentials, output);
	}

	/** n8n saves refreshed data to the database; the test store plays that part. */
	updateCredentials(
		_details: INodeCredentialsDetails | undefined,
		type: string,
		data: ICredentialDataDecryptedObject,
	): void {
		this.store[type] = { ...data };
	}

	private resolveValue(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value as string;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value as string,
			'internal',
			{ $credentials: credentials } as IDataObject,
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}
}
