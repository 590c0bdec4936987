import { markPostedRequestSchema } from '$lib/domain/api/paymentActions';
import { personActionRoute } from '$lib/server/http/personActionRoute';

/** `POST /payments/:id/posted {by, pmsReference?}`: a recorded (or flagged) payment was keyed into the PMS by hand. */
export const POST = personActionRoute({ auth: 'device', schema: markPostedRequestSchema }, (body) => ({ kind: 'mark_posted', ...(body.pmsReference ? { pmsReference: body.pmsReference } : {}) }));
