import { matchPrecache } from 'workbox-precaching';

/**
 * How long a page load waits for the bridge before the offline shell is shown. The bridge sits on
 * the practice LAN and answers in well under a second; a bridge host that is off can take far longer
 * to fail (a TCP connect timeout), and staff should not look at a blank tab meanwhile.
 */
export const NAVIGATION_TIMEOUT_MS = 3_000;

type Outcome = { kind: 'response'; response: Response } | { kind: 'failed' } | { kind: 'timeout' };

/**
 * Network first, falling back to the precached app shell when the network fails or is slower than
 * `timeoutMs`. Online, staff always get the current page (and the bridge's errors); offline, the
 * client-rendered shell at `shellUrl` opens any route from IndexedDB.
 */
export async function networkFirstNavigation(
	request: Request,
	shellUrl: string,
	timeoutMs: number = NAVIGATION_TIMEOUT_MS
): Promise<Response> {
	const network = fetch(request);
	let timer: ReturnType<typeof setTimeout> | undefined;
	const outcome = await Promise.race<Outcome>([
		network.then(
			(response) => ({ kind: 'response', response }),
			() => ({ kind: 'failed' })
		),
		new Promise<Outcome>((resolve) => {
			timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
		})
	]);
	clearTimeout(timer);
	if (outcome.kind === 'response') return outcome.response;

	const shell = await matchPrecache(shellUrl);
	if (shell) return shell;
	// Nothing precached yet (the first install has not finished): the network is all there is, so
	// keep waiting for it, and let its failure be the browser's usual offline page.
	return network;
}
