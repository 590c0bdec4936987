import { patientsQuerySchema } from '$lib/domain/api/routeInputs';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { parseCursor } from '$lib/server/practice/createPracticeMirror';

/** How stale the bridge's copy of the PMS may be before a device's request reads the PMS again. */
const MAX_AGE_MS = 15_000;

/** `GET /patients?since=<cursor>`: patients and family ledgers, all of them first, then what changed. */
export const GET = apiRoute({ auth: 'device', query: patientsQuerySchema }, async ({ bridge, query }) => {
	const since = query.since === undefined ? undefined : parseCursor(query.since);
	if (since === null) return apiError(400, 'invalid', `since "${query.since}" is not a cursor this bridge gave out.`, [{ path: 'since', message: 'must be the `next` value of an earlier answer' }]);
	// Answer from the bridge's copy at once; if it is getting old, read the PMS in the background
	// (a large practice takes seconds to read) so the device's next call sees the changes.
	let feed = await bridge.mirror.feed(since);
	if (feed) void bridge.mirror.ensureFresh(MAX_AGE_MS);
	else {
		const fresh = await bridge.mirror.ensureFresh(0);
		feed = await bridge.mirror.feed(since);
		if (!feed) return apiError(503, 'pms_unreachable', `The practice management system has not been read yet and does not answer${fresh.ok ? '' : `: ${fresh.failure.message}`}.`, undefined, { 'retry-after': '30' });
	}
	return apiJson(feed);
});
