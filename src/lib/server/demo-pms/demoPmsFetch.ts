import type { FetchLike } from '../connectors/opendental/openDentalClient';
import type { DemoPmsApi } from './api/createDemoPmsApi';
import { abortable } from '../http/abortable';
import { DroppedConnection } from './faults';

/** The base URL the connector uses for the embedded demo PMS; requests never leave the process. */
export const EMBEDDED_DEMO_PMS_URL = 'http://embedded-demo-pms.invalid/api/v1';

/**
 * A fetch that hands requests to the in-process demo PMS as Fetch API Request objects: the connector
 * speaks exactly the HTTP it would speak to Open Dental (method, headers, JSON, status codes),
 * without a loopback socket to the bridge's own port (which may be TLS, or on another interface).
 */
export function demoPmsFetch(api: DemoPmsApi): FetchLike {
	return async (input, init) => {
		// A real PMS answers over the network; this one answers through microtasks, so let the event
		// loop run between calls, or a long read (a whole practice) would starve the bridge's HTTP.
		await new Promise<void>((resolve) => setImmediate(resolve));
		const request = new Request(input, init);
		const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
		try {
			// As fetch does: an aborted signal (the caller's timeout) rejects at once, whatever the PMS
			// is still doing — which may well finish the write later, as a real slow PMS would.
			return await abortable(api(request, path), init?.signal ?? undefined);
		} catch (error) {
			// What fetch does when the server closes the connection before answering.
			if (error instanceof DroppedConnection) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
			throw error;
		}
	};
}
