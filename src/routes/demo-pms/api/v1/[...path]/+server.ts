import type { RequestHandler } from './$types';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError } from '$lib/server/http/apiResponses';

/**
 * The embedded demo PMS, mounted at /demo-pms/api/v1 (Open Dental's API shape, its own ODFHIR keys).
 * Present only when the bridge runs with PMS=demo.
 */
const handler: RequestHandler = async (event) => {
	const bridge = getBridge();
	if (!bridge.demo) return apiError(404, 'not_found', 'The demo PMS runs only with PMS=demo.');
	return bridge.demo.api(event.request, `/${event.params.path}`);
};

export const GET = handler;
export const POST = handler;
export const PUT = handler;
