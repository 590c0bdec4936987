import { deviceIdParamsSchema } from '$lib/domain/api/routeInputs';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * `POST /admin/v1/devices/:id/revoke`: the device's token stops working at once (its next call gets
 * 401 and it asks to be paired again; what it has queued stays on it). Payments it already sent stay.
 */
export const POST = apiRoute({ auth: 'admin', params: deviceIdParamsSchema }, async ({ bridge, params }) => {
	const rows = await bridge.sql.query<{ name: string }>(`UPDATE device SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING name`, [params.id, bridge.now()]);
	if (rows.length === 0) return apiError(404, 'not_found', `No device ${params.id}.`);
	bridge.log('info', `device ${params.id} revoked through the admin channel`);
	return apiJson({ id: params.id, name: rows[0]?.name, revoked: true });
});
