/**
 * Paths whose responses carry patient or practice data, or admin secrets. The worker never answers
 * them (no `respondWith`): the browser sends them straight to the bridge, so nothing from them is
 * ever cached or served stale. The pages keep what they need in IndexedDB themselves.
 */
const NETWORK_ONLY_PREFIXES = ['/api', '/admin', '/demo-pms'] as const;

/** True when `pathname` is one of the network-only areas (`/api`, `/api/…`; not `/apiary`). */
export function isNetworkOnly(pathname: string, base: string): boolean {
	return NETWORK_ONLY_PREFIXES.some((prefix) => {
		const root = base + prefix;
		return pathname === root || pathname.startsWith(root + '/');
	});
}
