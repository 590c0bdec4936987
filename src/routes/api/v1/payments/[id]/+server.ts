import type { RequestHandler } from './$types';
import { uuidSchema } from '$lib/domain/ids/uuid';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { getPaymentDetail } from '$lib/server/payments/getPaymentDetail';

/** `GET /payments/:id` → the payment, its status and its history; 404 if unknown. */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const id = event.params.id;
	if (!uuidSchema.safeParse(id).success) return apiError(400, 'invalid', `"${id}" is not a payment id (a UUID).`, [{ path: 'id', message: 'must be a UUID' }]);
	const detail = await getPaymentDetail(bridge.sql, id);
	if (!detail) return apiError(404, 'not_found', `No payment ${id} has reached the bridge.`);
	return apiJson(detail);
};
