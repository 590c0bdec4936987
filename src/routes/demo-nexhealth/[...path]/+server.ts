import { EMBEDDED_DEMO_NEXHEALTH_URL } from '$lib/server/demo-nexhealth/demoNexhealthFetch';
import { apiError } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * The embedded NexHealth-compatible fake behind a demo Dentrix or Eaglesoft practice, mounted at
 * /demo-nexhealth (NexHealth's API shape; it checks its own API key and bearer tokens, as NexHealth
 * does). Present only when the bridge runs with PMS=demo and DEMO_EMR=dentrix or eaglesoft.
 */
const handler = apiRoute({ auth: 'public' }, async ({ event, bridge }) => {
	if (!bridge.demoNexhealth) return apiError(404, 'not_found', 'The demo NexHealth runs only with PMS=demo and DEMO_EMR=dentrix or eaglesoft.');
	const url = new URL(`${EMBEDDED_DEMO_NEXHEALTH_URL}/${event.params.path ?? ''}${event.url.search}`);
	const body = event.request.method === 'GET' || event.request.method === 'HEAD' ? undefined : await event.request.arrayBuffer();
	return bridge.demoNexhealth.api(new Request(url, { method: event.request.method, headers: event.request.headers, ...(body ? { body } : {}) }));
});

export const GET = handler;
export const POST = handler;
export const PUT = handler;
