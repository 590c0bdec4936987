import { apiError } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * The embedded demo PMS, mounted at /demo-pms/api/v1 (Open Dental's API shape, its own ODFHIR keys,
 * which it checks itself as Open Dental does). Present only when the bridge runs with PMS=demo.
 */
const handler = apiRoute({ auth: 'public' }, ({ event, bridge }) => {
	if (!bridge.demo) return apiError(404, 'not_found', 'The demo PMS runs only with PMS=demo.');
	return bridge.demo.api(event.request, `/${event.params.path ?? ''}`);
});

export const GET = handler;
export const POST = handler;
export const PUT = handler;
