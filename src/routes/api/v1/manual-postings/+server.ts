import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { readManualPostings } from '$lib/server/payments/readManualPostings';

/** `GET /manual-postings` → payments to key into the PMS by hand (write-back off), and those keyed lately. */
export const GET = apiRoute({ auth: 'device' }, async ({ bridge }) => apiJson(await readManualPostings(bridge.sql, bridge.mirror)));
