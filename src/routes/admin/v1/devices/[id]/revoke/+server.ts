import type { RequestHandler } from './$types';
import { uuidSchema } from '$lib/domain/ids/uuid';
import { requireAdmin } from '$lib/server/admin/requireAdmin';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';

/**
 * `POST /admin/v1/devices/:id/revoke`: the device's token stops working at once (its next call gets
 * 401 and it asks to be paired again; what it has queued stays on it). Payments it already sent stay.
 */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	const refused = requireAdmin(bridge, event);
	if (refused) return refused;
	const id = event.params.id;
	if (!uuidSchema.safeParse(id).success) return apiError(400, 'invalid', `"${id}" is not a device id (a UUID).`);
	const rows = await bridge.sql.query<{ name: string }>(`UPDATE device SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING name`, [id, bridge.now()]);
	if (rows.length === 0) return apiError(404, 'not_found', `No device ${id}.`);
	bridge.log('info', `device ${id} revoked through the admin channel`);
	return apiJson({ id, name: rows[0]?.name, revoked: true });
};
