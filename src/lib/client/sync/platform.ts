import type { BridgeApi } from '../api/bridgeApi';
import type { SyncTrigger } from './SyncTrigger';

/**
 * What the sync engine takes from the world, as small interfaces (STYLE: platform behind small
 * interfaces). `createBrowserPlatform` gives the real ones; the unit tests pass doubles that jump
 * the clock, crash a tab or lose a response (test/unit/client/sync/doubles/).
 */

/** Time and timers. Epoch milliseconds. */
export type Clock = {
	now(): number;
	/** Calls `callback` once after `ms`; the returned function cancels it. */
	setTimer(ms: number, callback: () => void): () => void;
};

export type LockInfo = { name: string };
export type LockRequestOptions = { ifAvailable?: boolean; signal?: AbortSignal };

/**
 * The subset of Web Locks (`navigator.locks`) used: an exclusive lock held while `callback`'s
 * promise is pending; released when it settles or when the tab dies. With `ifAvailable`, the
 * callback gets `null` at once instead of waiting. Aborting `signal` gives up a waiting request
 * (the returned promise rejects with an `AbortError`).
 */
export type Locks = {
	request<T>(name: string, options: LockRequestOptions, callback: (lock: LockInfo | null) => Promise<T>): Promise<T>;
};

/** BroadcastChannel's shape: messages to the other tabs of this origin (not to oneself). */
export type Channel = {
	postMessage(message: unknown): void;
	onmessage: ((event: { data: unknown }) => void) | null;
	close(): void;
};

/**
 * The browser's hints that now is a good time to sync (`online`, the page becoming visible). The
 * service worker's hint arrives through `registerServiceWorker({ onSyncHint })` and the "Sync now"
 * button through `engine.trigger`, both owned by the page.
 */
export type Wakeups = { subscribe(listener: (trigger: SyncTrigger) => void): () => void };

/** The bridge calls the engine makes (from `createBridgeApi`, which takes the injected fetch). */
export type SyncApi = Pick<BridgeApi, 'health' | 'sendPayments' | 'changes'>;

export type SyncPlatform = {
	clock: Clock;
	locks: Locks;
	channel: Channel;
	wakeups: Wakeups;
	/** A number in [0, 1): the backoff's jitter. */
	random(): number;
};
