import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { pmsOptions } from '$lib/server/settings/pmsOptions';

/** `GET /pms/options` → payment types, unearned types, clinics, providers, allocation preferences, capabilities. */
export const GET = apiRoute({ auth: 'device' }, async ({ bridge }) => {
	await bridge.mirror.ensureFresh(60_000);
	const options = await pmsOptions(bridge.mirror, bridge.connector);
	if (!options) return apiError(503, 'pms_unreachable', 'The practice management system has not been read yet and does not answer.', undefined, { 'retry-after': '30' });
	return apiJson(options);
});
