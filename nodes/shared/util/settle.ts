export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * A call's outcome as a value. Used where a failed call is inspected and then passed on as it
 * is: the transport's errors already are NodeApiErrors with Telegram's status and description.
 */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}
