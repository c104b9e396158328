import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { forgetWebhookSecret, rememberWebhookSecret } from './secretDigest';

/**
 * The activation lifecycle (`webhookMethods`) of a trigger whose deliveries carry our URL token
 * (urlToken.ts) because its provider signs nothing and has no API to register a webhook (AI Task
 * for Selarti, Omnidesk rules): the user pastes the URL, so there is nothing to register. One
 * function so that every such trigger fails activation the same way and keeps the same record.
 *
 * - checkExists says no, so create runs on every activation (it registers nothing outside n8n).
 * - create fails activation at once when the credential has no API key: without a key there is
 *   no token and every delivery would be refused (403) with no hint why. Otherwise it remembers
 *   the token's digest for webhook() (secretDigest.ts), so deliveries read no credential.
 * - delete forgets the digest.
 */

export interface UrlTokenLifecycleSettings {
	/** The credential's API key ('' when it has none). May throw when the credential cannot be read. */
	apiKey(context: IHookFunctions): Promise<string>;
	/** The token's derivation: the key over the node's `path` parameter (the trigger's triggerToken). */
	token(apiKey: string, path: string): string;
	/** "Selarti API credential", "Omnidesk credential": named in the activation error. */
	credentialName: string;
	/** Runs on each activation once the key is known, e.g. to log where the user finds the URL. */
	onActivate?(context: IHookFunctions): void;
}

/** The trigger's `webhookMethods`, as described above. */
export function urlTokenWebhookMethods(settings: UrlTokenLifecycleSettings): {
	default: Record<'checkExists' | 'create' | 'delete', (this: IHookFunctions) => Promise<boolean>>;
} {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const apiKey = await settings.apiKey(this);
				if (apiKey === '') {
					throw new NodeOperationError(
						this.getNode(),
						`The ${settings.credentialName} has no API key`,
						{
							description:
								'The webhook URL token is derived from it: set the key in the credential.',
						},
					);
				}
				settings.onActivate?.(this);
				const path = String(this.getNodeParameter('path', ''));
				rememberWebhookSecret(this, { secret: settings.token(apiKey, path) });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				forgetWebhookSecret(this);
				return true;
			},
		},
	};
}
