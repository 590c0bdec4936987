/**
 * The worker's global scope, typed by what Paysplit's worker uses of it. Modules read it at call
 * time (never copy its members at import), so unit tests can stub `addEventListener`, `clients`,
 * `skipWaiting`, `location` and `fetch` on `globalThis` before calling in (the pattern of immich's
 * `web/src/service-worker`).
 *
 * Why narrow types rather than `ServiceWorkerGlobalScope`: the unit tests import these modules, and
 * svelte-check type-checks test/ under Kit's DOM lib, where the worker types do not exist (adding
 * the webworker lib there would leak worker globals into the app's types). These types exist under
 * both libs; `scopeMatchesLib.ts` proves under the webworker lib (`tsc -p service-worker`) that the
 * browser's real scope and events satisfy them.
 */

/** An event the worker can keep alive until a promise settles (ExtendableEvent). */
export interface WorkerEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerFetchEvent extends WorkerEvent {
	readonly request: Request;
	respondWith(response: Promise<Response>): void;
}

export interface WorkerMessageEvent extends WorkerEvent {
	readonly data: unknown;
}

/**
 * Background Sync's `sync` event (https://wicg.github.io/background-sync/spec/#sync-event):
 * Chromium only, and declared by no TypeScript lib.
 */
export interface WorkerSyncEvent extends WorkerEvent {
	readonly tag: string;
	readonly lastChance: boolean;
}

export interface WorkerEventMap {
	install: WorkerEvent;
	activate: WorkerEvent;
	fetch: WorkerFetchEvent;
	message: WorkerMessageEvent;
	sync: WorkerSyncEvent;
}

export interface WorkerWindowClient {
	postMessage(message: unknown): void;
}

export interface WorkerScope {
	readonly location: { readonly origin: string };
	readonly clients: {
		matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WorkerWindowClient[]>;
		claim(): Promise<void>;
	};
	skipWaiting(): Promise<void>;
	addEventListener<K extends keyof WorkerEventMap>(type: K, listener: (event: WorkerEventMap[K]) => void): void;
}

export const sw = globalThis as unknown as WorkerScope;
