import type { RequestHandler } from './$types';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { readAttention } from '$lib/server/payments/readAttention';

/** `GET /attention` → payments the bridge stopped on and a person must decide about (retry, mark posted, void). */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	return apiJson(await readAttention(bridge.sql, bridge.mirror, bridge.now()));
};
