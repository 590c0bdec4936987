import { precacheAppShell, type BuildAssets } from './precache';
import { routeFetch } from './routeFetch';
import { sw } from './scope';
import { relaySyncHint } from './syncRelay';
import { claimClients, skipWaitingOnRequest } from './updateFlow';

export type { BuildAssets } from './precache';

/**
 * Wires Paysplit's service worker. Kit's `src/service-worker.ts` calls it with `$service-worker`'s
 * lists; tests call it with their own after stubbing the global scope. Registers no listener that
 * calls `skipWaiting()` on install (see `updateFlow`).
 */
export function installServiceWorker(assets: BuildAssets): void {
	precacheAppShell(assets);

	sw.addEventListener('fetch', (event) => {
		const response = routeFetch(event.request, { origin: sw.location.origin, base: assets.base });
		if (response) event.respondWith(response);
	});
	sw.addEventListener('sync', relaySyncHint);
	sw.addEventListener('message', skipWaitingOnRequest);
	sw.addEventListener('activate', claimClients);
}
