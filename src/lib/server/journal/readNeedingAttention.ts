import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { Sql } from '../store/Sql';
import { readPmsRows } from './pmsRows';

/** A payment the pipeline stopped on, as the journal holds it. */
export type StoppedPayment = { id: string; intent: unknown; reason: string | null; stoppedAt: BridgeStatus | null; pmsPaymentIds: string[]; since: Date | null };

/** Payments in `needs_attention`, the longest stopped first, at most `limit`. */
export async function readNeedingAttention(sql: Pick<Sql, 'query'>, limit: number): Promise<StoppedPayment[]> {
	const rows = await sql.query<{ id: string; intent: unknown; reason: string | null; attention_from: string | null; since: Date | null }>(
		`SELECT p.id, p.intent, p.reason, p.attention_from,
		   (SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'needs_attention') AS since
		 FROM payment p WHERE p.status = 'needs_attention' ORDER BY since, p.id LIMIT $1`,
		[limit]
	);
	const pmsRows = await readPmsRows(sql, rows.map((r) => r.id));
	return rows.map((row) => ({ id: row.id, intent: row.intent, reason: row.reason, stoppedAt: row.attention_from === null ? null : bridgeStatusSchema.parse(row.attention_from), pmsPaymentIds: (pmsRows.get(row.id) ?? []).map((r) => r.pmsPaymentId), since: row.since }));
}

/** The stored intent and PMS payment of each of these payments (for lists about them kept elsewhere, e.g. refused follow-ups). */
export async function readPaymentsById(sql: Pick<Sql, 'query'>, paymentIds: readonly string[]): Promise<Map<string, { intent: unknown; status: string; patientId: string; pmsPaymentIds: string[] }>> {
	if (paymentIds.length === 0) return new Map();
	const rows = await sql.query<{ id: string; intent: unknown; status: string; patient_id: string }>(`SELECT id, intent, status, patient_id FROM payment WHERE id = ANY($1::uuid[])`, [[...paymentIds]]);
	const pmsRows = await readPmsRows(sql, rows.map((r) => r.id));
	return new Map(rows.map((row) => [row.id, { intent: row.intent, status: row.status, patientId: row.patient_id, pmsPaymentIds: (pmsRows.get(row.id) ?? []).map((r) => r.pmsPaymentId) }]));
}
