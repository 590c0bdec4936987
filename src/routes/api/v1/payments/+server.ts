import { MAX_BODY_BYTES, MAX_PAYMENTS_PER_BATCH, paymentsBatchEnvelopeSchema, type PaymentsBatchResponse } from '$lib/domain/api/paymentsBatch';
import { todayIn } from '$lib/domain/dates/todayIn';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { PmsUnavailableError, receivePayments } from '$lib/server/payments/receivePayments';

/** `POST /payments {payments}` → one result per item, in order (DESIGN §6). */
export const POST = apiRoute(
	{ auth: 'device', body: { json: paymentsBatchEnvelopeSchema, maxBytes: MAX_BODY_BYTES, invalid: { code: 'invalid_envelope', message: 'The request must be {"payments": [...]}' } } },
	async ({ bridge, caller: device, body }) => {
		const items = body.payments;
		if (items.length > MAX_PAYMENTS_PER_BATCH) {
			return apiError(413, 'too_many_payments', `A request may carry at most ${MAX_PAYMENTS_PER_BATCH} payments; this one has ${items.length}. Send them in smaller batches.`);
		}
		try {
			const results = await receivePayments({ sql: bridge.sql, mirror: bridge.mirror, now: bridge.now, today: () => todayIn(bridge.config.PRACTICE_TZ, bridge.now()) }, device, items);
			if (results.some((r) => r.outcome === 'accepted')) bridge.worker.wake();
			const response: PaymentsBatchResponse = { results };
			return apiJson(response);
		} catch (error) {
			if (error instanceof PmsUnavailableError) {
				return apiError(503, 'pms_unreachable', `The practice management system cannot be read right now, so these payments were not checked or saved; the device will send them again. (${error.message})`, undefined, { 'retry-after': '30' });
			}
			throw error;
		}
	}
);
