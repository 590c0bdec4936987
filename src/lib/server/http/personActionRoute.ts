import type { z } from 'zod';
import { paymentIdParamsSchema } from '$lib/domain/api/routeInputs';
import { applyPersonAction, type PersonAction } from '../payments/applyPersonAction';
import { readPaymentDetail } from '../journal/readPaymentDetail';
import { actorOf } from '../payments/receivePayments';
import { apiError, apiJson } from './apiResponses';
import { apiRoute } from './apiRoute';

/**
 * The shape of `POST /payments/:id/{retry,void,posted}`: a paired device (with a manager session for
 * void, DESIGN §6), a body parsed by `schema`, the action through the state machine, and the payment
 * as it now stands.
 */
export function personActionRoute<S extends z.ZodType<{ by?: string | undefined }>>(options: { auth: 'device' | 'manager'; schema: S }, toAction: (body: z.output<S>) => PersonAction) {
	return apiRoute({ auth: options.auth, params: paymentIdParamsSchema, body: { json: options.schema, maxBytes: 16 * 1024 } }, async ({ bridge, caller, params, body }) => {
		const device = 'manager' in caller ? caller.device : caller;
		const manager = 'manager' in caller ? caller.manager.name : null;
		const person = [body.by, manager ? `manager ${manager}` : undefined].filter(Boolean).join(', ');
		const outcome = await applyPersonAction(bridge.sql, params.id, toAction(body), actorOf(device, { takenBy: person || undefined }), bridge.now());
		if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message);
		bridge.worker.wake();
		return apiJson(await readPaymentDetail(bridge.sql, params.id));
	});
}
