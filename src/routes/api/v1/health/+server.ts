import type { Health } from '$lib/domain/api/health';
import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** Unauthenticated liveness: devices call it to decide whether they are "online" (DESIGN §2). */
export const GET = apiRoute({ auth: 'public' }, ({ bridge }) => {
	const { connector, emr } = bridge.identity();
	const writes = bridge.writeWatch.last();
	// Answers the last reading at once (devices wait at most 2 s for this answer), and reads the PMS's
	// write side again in the background when that reading is older than the watch keeps one.
	void bridge.writeWatch.status();
	const body: Health = {
		status: 'ok',
		service: 'paysplit-bridge',
		version: bridge.version,
		time: bridge.now().toISOString(),
		pms: { name: bridge.config.PMS, connector, emr, ...(writes.writable ? { writes: 'open' } : { writes: 'paused', reason: writes.reason }) },
		practice: { timeZone: bridge.config.PRACTICE_TZ }
	};
	return apiJson(body);
});
