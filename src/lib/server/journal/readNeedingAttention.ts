import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { Sql } from '../store/Sql';

/** A payment the pipeline stopped on, as the journal holds it. */
export type StoppedPayment = { id: string; intent: unknown; reason: string | null; stoppedAt: BridgeStatus | null; pmsPaymentId: string | null; since: Date | null };

/** Payments in `needs_attention`, the longest stopped first, at most `limit`. */
export async function readNeedingAttention(sql: Pick<Sql, 'query'>, limit: number): Promise<StoppedPayment[]> {
	const rows = await sql.query<{ id: string; intent: unknown; reason: string | null; attention_from: string | null; pms_payment_id: string | null; since: Date | null }>(
		`SELECT p.id, p.intent, p.reason, p.attention_from, p.pms_payment_id,
		   (SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'needs_attention') AS since
		 FROM payment p WHERE p.status = 'needs_attention' ORDER BY since, p.id LIMIT $1`,
		[limit]
	);
	return rows.map((row) => ({ id: row.id, intent: row.intent, reason: row.reason, stoppedAt: row.attention_from === null ? null : bridgeStatusSchema.parse(row.attention_from), pmsPaymentId: row.pms_payment_id, since: row.since }));
}

/** The stored intent and PMS payment of each of these payments (for lists about them kept elsewhere, e.g. refused follow-ups). */
export async function readPaymentsById(sql: Pick<Sql, 'query'>, paymentIds: readonly string[]): Promise<Map<string, { intent: unknown; status: string; patientId: string; pmsPaymentId: string | null }>> {
	if (paymentIds.length === 0) return new Map();
	const rows = await sql.query<{ id: string; intent: unknown; status: string; patient_id: string; pms_payment_id: string | null }>(`SELECT id, intent, status, patient_id, pms_payment_id FROM payment WHERE id = ANY($1::uuid[])`, [[...paymentIds]]);
	return new Map(rows.map((row) => [row.id, { intent: row.intent, status: row.status, patientId: row.patient_id, pmsPaymentId: row.pms_payment_id }]));
}
