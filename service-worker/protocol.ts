/**
 * The messages between the pages and the service worker, and the Background Sync tag. Both sides
 * import this file, so a renamed message breaks the build rather than silently never arriving.
 * Plain data and type guards only: no globals, so a page can import it too.
 */

/** The one-off Background Sync tag the pages register and the worker relays. */
export const SYNC_TAG = 'paysplit-sync';

/** Page → worker: "activate now". Sent only when staff accept the update (never mid-payment). */
export type SkipWaitingMessage = { type: 'paysplit:skip-waiting' };

/** Worker → pages: "a good moment to sync". Only a hint: the pages own the outbox. */
export type SyncHintMessage = { type: 'paysplit:sync-hint' };

export const skipWaitingMessage: SkipWaitingMessage = { type: 'paysplit:skip-waiting' };
export const syncHintMessage: SyncHintMessage = { type: 'paysplit:sync-hint' };

export function isSkipWaitingMessage(data: unknown): data is SkipWaitingMessage {
	return hasType(data, skipWaitingMessage.type);
}

export function isSyncHintMessage(data: unknown): data is SyncHintMessage {
	return hasType(data, syncHintMessage.type);
}

function hasType(data: unknown, type: string): boolean {
	return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
