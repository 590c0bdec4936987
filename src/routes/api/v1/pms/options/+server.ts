import type { RequestHandler } from './$types';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { pmsOptions } from '$lib/server/settings/pmsOptions';

/** `GET /pms/options` → payment types, unearned types, clinics, providers, allocation preferences, capabilities. */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	await bridge.mirror.ensureFresh(60_000);
	const options = await pmsOptions(bridge.mirror, bridge.connector);
	if (!options) return apiError(503, 'pms_unreachable', 'The practice management system has not been read yet and does not answer.', undefined, { 'retry-after': '30' });
	return apiJson(options);
};
