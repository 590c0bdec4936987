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
 *
 * `null` when `since` lies past the end of the journal: this bridge never gave that cursor out (its
 * database was replaced, or restored from an older backup). Answering an empty page would leave the
 * device waiting there while the new journal's changes pass under it; refusing lets it start over.
 * Events are never deleted, so every cursor given out stays at or below the last sequence.
 */
export async function readChanges(sql: Sql, since: number, limit: number): Promise<ChangesResponse | null> {
	const rows = await sql.query<{ seq: number; payment_id: string; status: string; at: Date; reason: string | null }>(
		`SELECT seq, payment_id, status, at, reason FROM payment_event WHERE seq > $1 ORDER BY seq LIMIT $2`,
		[since, limit]
	);
	if (rows.length === 0 && since > 0) {
		const [end] = await sql.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM payment_event`);
		if (since > Number(end?.seq ?? 0)) return null;
	}
	const last = rows.at(-1);
	return {
		changes: rows.map((r) => ({ cursor: toChangeCursor(Number(r.seq)), id: r.payment_id, status: r.status, at: r.at.toISOString(), ...(r.reason ? { reason: r.reason } : {}) })),
		next: toChangeCursor(last ? Number(last.seq) : since)
	};
}
