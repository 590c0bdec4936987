import { paymentIdParamsSchema } from '$lib/domain/api/routeInputs';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { readPaymentDetail } from '$lib/server/journal/readPaymentDetail';

/** `GET /payments/:id` → the payment, its status and its history; 404 if unknown. */
export const GET = apiRoute({ auth: 'device', params: paymentIdParamsSchema }, async ({ bridge, params }) => {
	const detail = await readPaymentDetail(bridge.sql, params.id);
	if (!detail) return apiError(404, 'not_found', `No payment ${params.id} has reached the bridge.`);
	return apiJson(detail);
});
