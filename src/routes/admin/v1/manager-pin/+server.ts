import type { RequestHandler } from './$types';
import { issuesOf } from '$lib/domain/api/errorBody';
import { setPinRequestSchema } from '$lib/domain/api/managerSession';
import { requireAdmin } from '$lib/server/admin/requireAdmin';
import { setManagerPin } from '$lib/server/auth/managerPin';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { readJsonBody } from '$lib/server/http/readJsonBody';

/** `POST /admin/v1/manager-pin {pin}` (loopback admin channel, `npm run -s set-pin`): sets or replaces the manager PIN. */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	const refused = requireAdmin(bridge, event);
	if (refused) return refused;
	const body = await readJsonBody(event.request, 4 * 1024);
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	const parsed = setPinRequestSchema.safeParse(body.value);
	if (!parsed.success) return apiError(400, 'invalid', 'The PIN must be 4 to 12 digits.', issuesOf(parsed.error));
	await setManagerPin(bridge.sql, parsed.data.pin, bridge.now());
	// Sessions opened with the old PIN end now.
	await bridge.sql.query(`DELETE FROM manager_session`);
	bridge.log('info', 'manager PIN set through the admin channel');
	return apiJson({ setAt: bridge.now().toISOString() });
};
