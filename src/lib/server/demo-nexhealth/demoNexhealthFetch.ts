import { abortable } from '../http/abortable';
import { DroppedConnection } from '../demo-pms/faults';
import type { DemoNexhealthApi } from './api/createNexhealthApi';

/** The base URL a connector uses for the embedded NexHealth fake; requests never leave the process. */
export const EMBEDDED_DEMO_NEXHEALTH_URL = 'http://embedded-demo-nexhealth.invalid';

/** What fetch is to a connector: the standard signature. */
export type NexFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that hands requests to the in-process NexHealth fake as Fetch API Request objects: the
 * connector speaks exactly the HTTP it would speak to nexhealth.info (method, headers, JSON, status
 * codes), without a loopback socket to the bridge's own port (as demoPmsFetch does for Open Dental).
 */
export function demoNexhealthFetch(api: DemoNexhealthApi): NexFetch {
	return async (input, init) => {
		// A real API answers over the network; this one through microtasks: let the event loop run
		// between calls, or a long read would starve the bridge's HTTP.
		await new Promise<void>((resolve) => setImmediate(resolve));
		const request = new Request(input, init);
		try {
			// As fetch does: an aborted signal (the caller's timeout) rejects at once, whatever the fake
			// is still doing — which may finish the write later, as a slow NexHealth would.
			return await abortable(api(request), init?.signal ?? (input instanceof Request ? input.signal : undefined));
		} catch (error) {
			// What fetch does when the server closes the connection before answering.
			if (error instanceof DroppedConnection) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
			throw error;
		}
	};
}
