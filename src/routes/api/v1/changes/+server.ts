import { changesQuerySchema } from '$lib/domain/api/routeInputs';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { parseChangeCursor, readChanges } from '$lib/server/journal/readChanges';

const MAX_LIMIT = 500;

/** `GET /changes?since=<cursor>&limit=<n≤500>` → the payments' status changes after the cursor. */
export const GET = apiRoute({ auth: 'device', query: changesQuerySchema }, async ({ bridge, query }) => {
	const since = query.since === undefined ? 0 : parseChangeCursor(query.since);
	if (since === null) return unknownCursor(query.since);
	const limit = query.limit === undefined ? MAX_LIMIT : Number(query.limit);
	if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > MAX_LIMIT) return apiError(400, 'invalid', `limit "${query.limit}" must be a whole number from 1 to ${MAX_LIMIT}.`, [{ path: 'limit', message: `must be 1 … ${MAX_LIMIT}` }]);
	const changes = await readChanges(bridge.sql, since, limit);
	if (changes === null) return unknownCursor(query.since);
	return apiJson(changes);
});

function unknownCursor(sinceText: string | undefined): Response {
	return apiError(400, 'invalid', `since "${sinceText}" is not a cursor this bridge gave out.`, [{ path: 'since', message: 'must be the `next` value of an earlier answer' }]);
}
