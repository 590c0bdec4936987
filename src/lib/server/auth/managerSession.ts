import { MANAGER_SESSION_MS } from '$lib/domain/api/managerSession';
import type { Sql } from '../store/Sql';
import { hashSecret, newDeviceToken } from './secrets';

export type Manager = { name: string; expiresAt: Date };

/** A 15-minute manager session for one device (DESIGN §6); only the token's hash is stored. */
export async function openManagerSession(sql: Sql, deviceId: string, name: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
	const token = newDeviceToken();
	const expiresAt = new Date(now.getTime() + MANAGER_SESSION_MS);
	await sql.query(`DELETE FROM manager_session WHERE expires_at <= $1`, [now]);
	await sql.query(`INSERT INTO manager_session (token_hash, device_id, manager, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [hashSecret(token), deviceId, name, now, expiresAt]);
	return { token, expiresAt };
}

/** The manager of a live session opened on this device, or null (no, unknown, expired or another device's token). */
export async function authenticateManager(sql: Sql, token: string | null, deviceId: string, now: Date): Promise<Manager | null> {
	if (!token || !/^[A-Za-z0-9_-]{20,200}$/.test(token.trim())) return null;
	const row = (await sql.query<{ manager: string; expires_at: Date }>(`SELECT manager, expires_at FROM manager_session WHERE token_hash = $1 AND device_id = $2 AND expires_at > $3`, [hashSecret(token.trim()), deviceId, now]))[0];
	return row ? { name: row.manager, expiresAt: row.expires_at } : null;
}
