import { setPinRequestSchema } from '$lib/domain/api/managerSession';
import { setManagerPin } from '$lib/server/auth/managerPin';
import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** `POST /admin/v1/manager-pin {pin}` (loopback admin channel, `npm run -s set-pin`): sets or replaces the manager PIN. */
export const POST = apiRoute({ auth: 'admin', body: { json: setPinRequestSchema, maxBytes: 4 * 1024 } }, async ({ bridge, body }) => {
	await setManagerPin(bridge.sql, body.pin, bridge.now());
	// Sessions opened with the old PIN end now.
	await bridge.sql.query(`DELETE FROM manager_session`);
	bridge.log('info', 'manager PIN set through the admin channel');
	return apiJson({ setAt: bridge.now().toISOString() });
});
