import { voidRequestSchema } from '$lib/domain/api/paymentActions';
import { personActionRoute } from '$lib/server/http/personActionRoute';

/** `POST /payments/:id/void {reason, by?}` (manager: `X-Manager-Token`): before posting, or when it needs attention (DESIGN §2). */
export const POST = personActionRoute({ auth: 'manager', schema: voidRequestSchema }, (body) => ({ kind: 'void', reason: body.reason }));
