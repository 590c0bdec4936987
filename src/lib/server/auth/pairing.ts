import { randomUUID } from 'node:crypto';
import type { Sql } from '../store/Sql';
import { hashSecret, newDeviceToken, newPairingCode } from './secrets';

export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

/** Issues a one-time pairing code, valid ten minutes. Only its hash is stored. */
export async function issuePairingCode(sql: Sql, now: Date): Promise<{ code: string; expiresAt: Date }> {
	const code = newPairingCode();
	const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
	await sql.query(`INSERT INTO pairing_code (code_hash, created_at, expires_at) VALUES ($1, $2, $3)`, [hashSecret(code), now, expiresAt]);
	return { code, expiresAt };
}

export type PairOutcome = { ok: true; deviceId: string; token: string } | { ok: false; reason: 'unknown_code' | 'expired' | 'used' };

/**
 * Redeems a code for a device and its token, once: the code is marked used in the same transaction
 * that makes the device, so two tablets racing with one code cannot both pair.
 */
export async function redeemPairingCode(sql: Sql, code: string, deviceName: string, now: Date): Promise<PairOutcome> {
	return sql.transaction(async (tx) => {
		const rows = await tx.query<{ expires_at: Date; used_at: Date | null }>(`SELECT expires_at, used_at FROM pairing_code WHERE code_hash = $1 FOR UPDATE`, [hashSecret(code)]);
		const row = rows[0];
		if (!row) return { ok: false, reason: 'unknown_code' } as const;
		if (row.used_at) return { ok: false, reason: 'used' } as const;
		if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
		const deviceId = randomUUID();
		const token = newDeviceToken();
		await tx.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, $2, $3, $4)`, [deviceId, deviceName, hashSecret(token), now]);
		await tx.query(`UPDATE pairing_code SET used_at = $1, used_by = $2 WHERE code_hash = $3`, [now, deviceId, hashSecret(code)]);
		return { ok: true, deviceId, token } as const;
	});
}
