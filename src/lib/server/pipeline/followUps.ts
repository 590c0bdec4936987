import type { SqlTx } from '../store/Sql';

/**
 * What is written to the PMS after a payment is posted (issue 6), decided with the posting plan from
 * the settings in force: the write-back status (null: leave the PMS's default) and the patient note's
 * text (null: notes are off).
 */
export type FollowUpPlan = { writebackStatusId: string | null; patientNote: PatientNote | null };
/** The note's text, and the practice's local time it is dated ("YYYY-MM-DD HH:mm:ss": when the payment was taken). */
export type PatientNote = { text: string; at: string };

export type FollowUpKind = 'writeback_status' | 'patient_note';

/**
 * Records the follow-ups in the posting's write-ahead transaction, so they are known before the PMS
 * hears of the payment and survive a crash. A payment planned again (after a retry) keeps the first
 * plan's follow-ups: at most one of each per payment.
 */
export async function recordFollowUps(tx: SqlTx, paymentId: string, plan: FollowUpPlan): Promise<void> {
	const rows: [FollowUpKind, string][] = [];
	if (plan.writebackStatusId) rows.push(['writeback_status', plan.writebackStatusId]);
	if (plan.patientNote) rows.push(['patient_note', JSON.stringify(plan.patientNote)]);
	for (const [kind, value] of rows) {
		await tx.query(`INSERT INTO posting_followup (payment_id, kind, value, status) VALUES ($1, $2, $3, 'due') ON CONFLICT (payment_id, kind) DO NOTHING`, [paymentId, kind, value]);
	}
}

/** A follow-up the PMS refused: what was to be written, its message, and when. */
export type FailedFollowUpRow = { paymentId: string; kind: FollowUpKind; value: string; lastError: string | null; doneAt: Date };

/** Follow-ups the PMS refused since `since`, newest first, at most `limit`. */
export async function readFailedFollowUpRows(sql: Pick<SqlTx, 'query'>, since: Date, limit: number): Promise<FailedFollowUpRow[]> {
	const rows = await sql.query<{ payment_id: string; kind: FollowUpKind; value: string; last_error: string | null; done_at: Date }>(
		`SELECT payment_id, kind, value, last_error, done_at FROM posting_followup WHERE status = 'failed' AND done_at >= $1 ORDER BY done_at DESC, payment_id LIMIT $2`,
		[since, limit]
	);
	return rows.map((row) => ({ paymentId: row.payment_id, kind: row.kind, value: row.value, lastError: row.last_error, doneAt: row.done_at }));
}
