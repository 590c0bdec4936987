import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** `GET /admin/v1/devices` → the paired devices, newest first (loopback admin channel). */
export const GET = apiRoute({ auth: 'admin' }, async ({ bridge }) => {
	const rows = await bridge.sql.query<{ id: string; name: string; paired_at: Date; revoked_at: Date | null }>(`SELECT id, name, paired_at, revoked_at FROM device ORDER BY paired_at DESC`);
	return apiJson({ devices: rows.map((r) => ({ id: r.id, name: r.name, pairedAt: r.paired_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null })) });
});
