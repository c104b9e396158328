/**
 * The one error our own checks throw (docs/architecture.md, "Errors"): a value the user can fix.
 * The message names the field and what is wrong; `fix` says what to do. Pure helpers (keyboard
 * builders, text splitting, chat-id parsing) have no node to attach an n8n error to, so they
 * throw this and the action loop or trigger turns it into a NodeOperationError, with `fix` as its
 * description, for the item it belongs to.
 */
export class InputError extends Error {
	constructor(
		message: string,
		readonly fix?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}
