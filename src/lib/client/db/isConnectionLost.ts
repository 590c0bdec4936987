/**
 * True for the errors IndexedDB gives when the browser dropped the database connection under us:
 * Dexie's `DatabaseClosedError`, and the `InvalidStateError` / `UnknownError` WebKit raises after an
 * iOS app comes back from the background ("The database connection is closing", "Connection to
 * Indexed Database server lost"; dexie#2008, dexie#1139, Expensify/App#87864). Dexie wraps the
 * browser's error in `inner`, so that chain is searched too.
 */
export function isConnectionLost(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const { name, message, inner } = current as { name?: unknown; message?: unknown; inner?: unknown };
		if (name === 'DatabaseClosedError') return true;
		if ((name === 'InvalidStateError' || name === 'UnknownError') && typeof message === 'string' && LOST.test(message)) return true;
		current = inner;
	}
	return false;
}

const LOST = /connection is closing|server lost|connection.*(lost|closed)/i;
