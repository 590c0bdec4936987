import type { Sql, SqlTx } from '../store/Sql';

/**
 * The write-ahead record of PMS writes (DESIGN §3): an attempt is committed before the PMS hears of
 * the payment, and finished with what came of it. An attempt left open (a crash), `unknown` (a
 * timeout, a lost answer) or `submitted` (taken by an asynchronous PMS, not read yet) is unsettled:
 * the payment may be in the PMS, so it is read back before any new write.
 */
export type AttemptOutcome = 'posted' | 'submitted' | 'unknown' | 'refused' | 'not_sent' | 'read_back' | 'abandoned';

export type PostingAttempt = { id: number; startedAt: Date; outcome: AttemptOutcome | null };

/** Records the start of a write, in the caller's transaction; its id. */
export async function startPostingAttempt(tx: SqlTx, paymentId: string, at: Date): Promise<number> {
	const row = (await tx.query<{ id: number }>(`INSERT INTO posting_attempt (payment_id, started_at) VALUES ($1, $2) RETURNING id`, [paymentId, at]))[0];
	if (!row) throw new Error(`payment ${paymentId}: no posting attempt was recorded`);
	return Number(row.id);
}

/** What came of one write. */
export async function finishPostingAttempt(sql: Pick<Sql, 'query'>, attemptId: number, outcome: AttemptOutcome, at: Date, details: { pmsPaymentId?: string; detail?: string } = {}): Promise<void> {
	await sql.query(`UPDATE posting_attempt SET outcome = $2, finished_at = $3, pms_payment_id = $4, detail = $5 WHERE id = $1`, [attemptId, outcome, at, details.pmsPaymentId ?? null, details.detail ?? null]);
}

/** Every write of this payment so far, oldest first. */
export async function postingAttemptsOf(sql: Pick<Sql, 'query'>, paymentId: string): Promise<PostingAttempt[]> {
	const rows = await sql.query<{ id: number; started_at: Date; outcome: AttemptOutcome | null }>(`SELECT id, started_at, outcome FROM posting_attempt WHERE payment_id = $1 ORDER BY id`, [paymentId]);
	return rows.map((r) => ({ id: Number(r.id), startedAt: r.started_at, outcome: r.outcome }));
}

/** Whether a write's outcome is still unknown (see the type above). */
export function isUnsettled(attempt: PostingAttempt): boolean {
	return attempt.outcome === null || attempt.outcome === 'unknown' || attempt.outcome === 'submitted';
}

/** Closes every unsettled write of the payment with what the PMS showed (`read_back`), or a person's decision (`abandoned`). */
export async function settlePostingAttempts(sql: Pick<Sql, 'query'>, paymentId: string, outcome: 'read_back' | 'abandoned', at: Date, detail: string): Promise<void> {
	await sql.query(`UPDATE posting_attempt SET outcome = $2, finished_at = $3, detail = $4 WHERE payment_id = $1 AND (outcome IS NULL OR outcome IN ('unknown', 'submitted'))`, [paymentId, outcome, at, detail]);
}
