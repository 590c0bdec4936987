import type { Persistence } from './Persistence';

/** The part of `navigator.storage` (StorageManager) this needs; both methods may be missing. */
export type StorageLike = { persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> };

/**
 * Asks the browser to keep this origin's storage (DESIGN §5). Chromium and Safari decide by
 * heuristics without a prompt, Firefox asks the user (local-first notes §2); so call it after the
 * device is paired or the first payment is saved, and show `persistenceMessage` when not granted.
 * A browser that throws is treated as refusing.
 */
export async function requestPersistence(storage: StorageLike | undefined): Promise<Persistence> {
	if (!storage || typeof storage.persist !== 'function') return 'unsupported';
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
		return (await storage.persist()) ? 'granted' : 'denied';
	} catch {
		return 'denied';
	}
}
