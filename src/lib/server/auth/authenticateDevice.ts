import type { Sql } from '../store/Sql';
import { hashSecret } from './secrets';

export type Device = { id: string; name: string };

/** The device a bearer token belongs to, or null for no, unknown or revoked tokens. */
export async function authenticateDevice(sql: Sql, authorization: string | null): Promise<Device | null> {
	const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? '');
	if (!match?.[1]) return null;
	const rows = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM device WHERE token_hash = $1 AND revoked_at IS NULL`, [hashSecret(match[1])]);
	return rows[0] ?? null;
}
