import type { RequestHandler } from './$types';
import { retryRequestSchema } from '$lib/domain/api/paymentActions';
import { personActionRoute } from '$lib/server/http/personActionRoute';

/** `POST /payments/:id/retry {by?}`: a payment that needs attention goes back to where it was. */
export const POST: RequestHandler = (event) => personActionRoute(event, retryRequestSchema, () => ({ kind: 'retry' }));
