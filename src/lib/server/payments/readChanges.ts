import type { ChangesResponse } from '$lib/domain/api/paymentActions';
import type { Sql } from '../store/Sql';

const DIGITS = 16;
export const toChangeCursor = (seq: number) => String(seq).padStart(DIGITS, '0');
export function parseChangeCursor(text: string): number | null {
	return /^\d{1,16}$/.test(text) ? Number(text) : null;
}

/**
 * `GET /changes?since=&limit=` (DESIGN §6): every status a payment took, in the order the journal
 * recorded them, after the cursor. The cursor is the journal's sequence, zero-padded so that cursors
 * order as strings.
 */
export async function readChanges(sql: Sql, since: number, limit: number): Promise<ChangesResponse> {
	const rows = await sql.query<{ seq: number; payment_id: string; status: string; at: Date; reason: string | null }>(
		`SELECT seq, payment_id, status, at, reason FROM payment_event WHERE seq > $1 ORDER BY seq LIMIT $2`,
		[since, limit]
	);
	const last = rows.at(-1);
	return {
		changes: rows.map((r) => ({ cursor: toChangeCursor(Number(r.seq)), id: r.payment_id, status: r.status, at: r.at.toISOString(), ...(r.reason ? { reason: r.reason } : {}) })),
		next: toChangeCursor(last ? Number(last.seq) : since)
	};
}
