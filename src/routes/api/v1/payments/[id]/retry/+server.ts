import { retryRequestSchema } from '$lib/domain/api/paymentActions';
import { personActionRoute } from '$lib/server/http/personActionRoute';

/** `POST /payments/:id/retry {by?}`: a payment that needs attention goes back to where it was. */
export const POST = personActionRoute({ auth: 'device', schema: retryRequestSchema }, () => ({ kind: 'retry' }));
