import { storedPaymentIntentSchema, type PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { Sql } from '../store/Sql';
import { readPmsRows, type PmsRow } from './pmsRows';

/** Statuses the posting worker moves on by itself. */
const WORKED_ON = `('accepted', 'cleared', 'posting', 'submitted', 'posted')`;

/** A payment the posting worker has a step to take for, as the journal holds it. */
export type DuePayment = {
	id: string;
	status: BridgeStatus;
	reason: string | null;
	intent: PaymentIntent;
	/** Failed tries of the current step (reset by every status change). */
	attempts: number;
	familyId: string;
	/** The PMS rows it became (none before it is posted). */
	pmsRows: PmsRow[];
	/** The PMS payment type it was written with (null before posting). */
	pmsPaymentType: string | null;
	/** Paysplit's allocation at posting time, as stored (read by verification). */
	allocation: unknown;
};

/** The families that have a payment due at `now`, the one waiting longest first, at most `limit`. */
export async function dueFamilies(sql: Sql, now: Date, limit: number): Promise<string[]> {
	const rows = await sql.query<{ family_id: string }>(
		`SELECT family_id FROM (
		   SELECT DISTINCT ON (family_id) family_id, received_at, id FROM payment
		   WHERE status IN ${WORKED_ON} AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
		   ORDER BY family_id, received_at, id
		 ) AS first_due ORDER BY received_at, id LIMIT $2`,
		[now, limit]
	);
	return rows.map((row) => row.family_id);
}

/** The family's payment to work on at `now` (read inside the family's lock: another bridge may have moved it), or null. */
export async function nextDueInFamily(sql: Sql, familyId: string, now: Date): Promise<DuePayment | null> {
	const row = (
		await sql.query<{ id: string; status: string; reason: string | null; intent: unknown; attempts: number; family_id: string; pms_payment_type: string | null; allocation: unknown }>(
			`SELECT id, status, reason, intent, attempts, family_id, pms_payment_type, allocation FROM payment
			 WHERE family_id = $2 AND status IN ${WORKED_ON} AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
			 ORDER BY received_at, id LIMIT 1`,
			[now, familyId]
		)
	)[0];
	if (!row) return null;
	return {
		id: row.id,
		status: bridgeStatusSchema.parse(row.status),
		reason: row.reason,
		intent: storedPaymentIntentSchema.parse(row.intent),
		attempts: row.attempts,
		familyId: row.family_id,
		pmsRows: (await readPmsRows(sql, [row.id])).get(row.id) ?? [],
		pmsPaymentType: row.pms_payment_type,
		allocation: row.allocation
	};
}

/** The payment's next step waits until `at` (a retry's backoff, a date to come); `attempts` counts the failed tries so far. */
export async function scheduleNextStep(sql: Pick<Sql, 'query'>, paymentId: string, at: Date, attempts?: number): Promise<void> {
	if (attempts === undefined) await sql.query(`UPDATE payment SET next_attempt_at = $2 WHERE id = $1`, [paymentId, at]);
	else await sql.query(`UPDATE payment SET attempts = $3, next_attempt_at = $2 WHERE id = $1`, [paymentId, at, attempts]);
}
