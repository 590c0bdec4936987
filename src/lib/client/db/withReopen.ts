import type Dexie from 'dexie';
import { isConnectionLost } from './isConnectionLost';

/** One reopening per database at a time, shared by every operation that hit the lost connection. */
const reopening = new WeakMap<Dexie, Promise<void>>();

/**
 * Runs a database operation; if the connection was lost (iOS after backgrounding, see
 * `isConnectionLost`), closes and reopens the database and runs it once more. Safe because nothing
 * an IndexedDB transaction wrote counts until it completes: a transaction cut off by a lost
 * connection wrote nothing. A second failure is the caller's. Never call this inside a transaction.
 */
export async function withReopen<T>(db: Dexie, operation: () => Promise<T>): Promise<T> {
	try {
		return await operation();
	} catch (error) {
		if (!isConnectionLost(error)) throw error;
		await reopen(db);
		return operation();
	}
}

async function reopen(db: Dexie): Promise<void> {
	let pending = reopening.get(db);
	if (!pending) {
		pending = (async () => {
			// Dexie 4's close() turns auto-open off by default; the explicit open() below is what
			// brings the connection back, and later operations then find it open.
			db.close({ disableAutoOpen: false });
			await db.open();
		})().finally(() => reopening.delete(db));
		reopening.set(db, pending);
	}
	await pending;
}
