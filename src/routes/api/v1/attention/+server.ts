import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { readAttention } from '$lib/server/payments/readAttention';

/** `GET /attention` → payments the bridge stopped on and a person must decide about (retry, mark posted, void). */
export const GET = apiRoute({ auth: 'device' }, async ({ bridge }) => apiJson(await readAttention(bridge.sql, bridge.mirror, bridge.now())));
