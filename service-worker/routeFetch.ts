import { getCacheKeyForURL, matchPrecache } from 'workbox-precaching';
import { isNetworkOnly } from './apiBypass';
import { networkFirstNavigation } from './navigation';
import { shellUrl } from './precache';

/**
 * Decides how the worker answers one request: a response promise to pass to `respondWith`, or
 * `undefined` to stay out of the way so the browser goes to the network as if there were no worker.
 *
 * - `/api`, `/admin`, `/demo-pms`: never touched (patient data; see `apiBypass`).
 * - Other origins and non-GET requests: never touched.
 * - Page loads: network first, precached shell as the fallback.
 * - Precached files (the build, `static/`): from the precache, network if it was evicted.
 * - Anything else (e.g. Kit's `_app/version.json`): never touched.
 */
export function routeFetch(request: Request, scope: { origin: string; base: string }): Promise<Response> | undefined {
	const url = new URL(request.url);
	if (url.origin !== scope.origin) return undefined;
	if (isNetworkOnly(url.pathname, scope.base)) return undefined;
	if (request.method !== 'GET') return undefined;
	if (request.mode === 'navigate') return networkFirstNavigation(request, shellUrl(scope.base));
	if (getCacheKeyForURL(url.href) !== undefined) return precachedOrNetwork(request);
	return undefined;
}

async function precachedOrNetwork(request: Request): Promise<Response> {
	return (await matchPrecache(request.url)) ?? fetch(request);
}
