import type { RequestHandler } from './$types';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { readManualPostings } from '$lib/server/payments/readManualPostings';

/** `GET /manual-postings` → payments to key into the PMS by hand (write-back off), and those keyed lately. */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	return apiJson(await readManualPostings(bridge.sql, bridge.mirror));
};
