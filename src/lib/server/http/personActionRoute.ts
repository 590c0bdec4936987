import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { issuesOf } from '$lib/domain/api/errorBody';
import { uuidSchema } from '$lib/domain/ids/uuid';
import { getBridge } from '../bridge/bridgeInstance';
import { applyPersonAction, type PersonAction } from '../payments/applyPersonAction';
import { getPaymentDetail } from '../payments/getPaymentDetail';
import { actorOf } from '../payments/receivePayments';
import { apiError, apiJson } from './apiResponses';
import { readJsonBody } from './readJsonBody';
import { requireDevice } from './requireDevice';
import { requireManager } from './requireManager';

/**
 * The shape of `POST /payments/:id/{retry,void,posted}`: a paired device, a body parsed by
 * `schema`, the action through the state machine, and the payment as it now stands.
 */
export async function personActionRoute<S extends z.ZodType>(event: RequestEvent<{ id: string }>, schema: S, toAction: (body: z.infer<S>) => PersonAction, options: { manager?: boolean } = {}): Promise<Response> {
	const bridge = getBridge();
	// Void is a manager action (DESIGN §6): the device must also hold a manager session.
	const caller = options.manager ? await requireManager(bridge, event) : await requireDevice(bridge, event);
	if (caller instanceof Response) return caller;
	const device = 'manager' in caller ? caller.device : caller;
	const manager = 'manager' in caller ? caller.manager.name : null;
	const id = event.params.id;
	if (!uuidSchema.safeParse(id).success) return apiError(400, 'invalid', `"${id}" is not a payment id (a UUID).`, [{ path: 'id', message: 'must be a UUID' }]);
	const body = await readJsonBody(event.request, 16 * 1024);
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	const parsed = schema.safeParse(body.value);
	if (!parsed.success) return apiError(400, 'invalid', 'The request is not valid.', issuesOf(parsed.error));
	const data = parsed.data as z.infer<S> & { by?: string };
	const person = [data.by, manager ? `manager ${manager}` : undefined].filter(Boolean).join(', ');
	const outcome = await applyPersonAction(bridge.sql, id, toAction(data), actorOf(device, { takenBy: person || undefined }), bridge.now());
	if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message);
	bridge.worker.wake();
	return apiJson(await getPaymentDetail(bridge.sql, id));
}
