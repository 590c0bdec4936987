import type { RequestHandler } from './$types';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { parseChangeCursor, readChanges } from '$lib/server/payments/readChanges';

const MAX_LIMIT = 500;

/** `GET /changes?since=<cursor>&limit=<n≤500>` → the payments' status changes after the cursor. */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const sinceText = event.url.searchParams.get('since');
	const since = sinceText === null ? 0 : parseChangeCursor(sinceText);
	if (since === null) return unknownCursor(sinceText);
	const limitText = event.url.searchParams.get('limit');
	const limit = limitText === null ? MAX_LIMIT : Number(limitText);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, 'invalid', `limit "${limitText}" must be a whole number from 1 to ${MAX_LIMIT}.`, [{ path: 'limit', message: `must be 1 … ${MAX_LIMIT}` }]);
	const changes = await readChanges(bridge.sql, since, limit);
	if (changes === null) return unknownCursor(sinceText);
	return apiJson(changes);
};

function unknownCursor(sinceText: string | null): Response {
	return apiError(400, 'invalid', `since "${sinceText}" is not a cursor this bridge gave out.`, [{ path: 'since', message: 'must be the `next` value of an earlier answer' }]);
}
